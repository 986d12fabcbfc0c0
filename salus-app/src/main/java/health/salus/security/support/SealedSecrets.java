package health.salus.security.support;

import health.salus.crypto.PatientDataCipher;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Seals the security module's own secrets (the token signing key, TOTP secrets) with the
 * organisation's data key, so a copy of the database does not let anyone sign tokens or generate
 * second-factor codes. Values stored before sealing existed are read as they are.
 */
@Component
public class SealedSecrets {

    private static final String PREFIX = "sealed:";

    private final PatientDataCipher cipher;

    SealedSecrets(PatientDataCipher cipher) {
        this.cipher = cipher;
    }

    /** {@code sealed:<key id>:<base64>} */
    public String seal(String secret) {
        PatientDataCipher.Ciphertext sealed = cipher.encrypt(Optional.empty(), secret.getBytes(StandardCharsets.UTF_8));
        return PREFIX + sealed.keyId() + ":" + Base64.getEncoder().encodeToString(sealed.bytes());
    }

    public String open(String stored) {
        if (!stored.startsWith(PREFIX)) {
            return stored;
        }
        int split = stored.lastIndexOf(':');
        String keyId = stored.substring(PREFIX.length(), split);
        byte[] bytes = Base64.getDecoder().decode(stored.substring(split + 1));
        return new String(cipher.decrypt(Optional.empty(), new PatientDataCipher.Ciphertext(keyId, bytes)),
                StandardCharsets.UTF_8);
    }
}
