package health.salus.audit.trail;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs checkpoints and the chain head with HMAC-SHA256 under the checkpoint key
 * ({@code salus.audit.checkpoint-key}). Whoever can change the tables without this key cannot make
 * a rewritten chain agree with its signatures.
 */
public final class CheckpointSigner {

    private final SecretKeySpec key;
    private final String keyId;

    public CheckpointSigner(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("The audit checkpoint key must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        MessageDigest sha256 = ChainHashing.sha256();
        sha256.update("salus-audit-key-id\n".getBytes(StandardCharsets.US_ASCII));
        // a fingerprint, not the key: says which key signed without revealing it
        this.keyId = HexFormat.of().formatHex(sha256.digest(key)).substring(0, 16);
    }

    public String keyId() {
        return keyId;
    }

    public String signCheckpoint(long sequence, String hash, Instant signedAt) {
        return mac("salus-audit-checkpoint-v1\n" + sequence + "\n" + hash + "\n" + ChainHashing.time(signedAt));
    }

    public String signHead(long sequence, String hash) {
        return mac("salus-audit-head-v1\n" + sequence + "\n" + hash);
    }

    public boolean headSigned(long sequence, String hash, String mac) {
        return mac == null ? sequence == 0 : constantTimeEquals(signHead(sequence, hash), mac);
    }

    public boolean checkpointSigned(long sequence, String hash, Instant signedAt, String signature) {
        return signature != null && constantTimeEquals(signCheckpoint(sequence, hash, signedAt), signature);
    }

    private String mac(String message) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            return HexFormat.of().formatHex(hmac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
