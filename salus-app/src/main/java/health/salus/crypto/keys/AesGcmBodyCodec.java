package health.salus.crypto.keys;

import health.salus.crypto.PatientDataCipher;
import health.salus.fhir.BodyCodec;
import java.security.GeneralSecurityException;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM under the owner's newest data key version, with the owner as associated data. The
 * stored {@code key_id} names the version ({@code dk:<id>}); opening checks that the version belongs
 * to the row's owner before it decrypts, so a body copied into another patient's row fails cleanly.
 */
@Component
class AesGcmBodyCodec implements BodyCodec, PatientDataCipher {

    /** What the store wrote before encryption at rest; opened only where explicitly allowed. */
    static final String PLAINTEXT = "plain";

    private final DataKeys keys;
    private final boolean openPlaintext;

    AesGcmBodyCodec(DataKeys keys, @Value("${salus.crypto.open-plaintext:false}") boolean openPlaintext) {
        this.keys = keys;
        this.openPlaintext = openPlaintext;
    }

    @Override
    public Sealed seal(String compartment, byte[] plaintext) {
        String owner = Owners.of(compartment);
        DataKey key = keys.current(owner);
        try {
            return new Sealed(key.keyId(), key.aead().orElseThrow().encrypt(plaintext, Owners.bodyContext(owner)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Data could not be sealed with key " + key.keyId());
        }
    }

    @Override
    public byte[] open(String compartment, String keyId, byte[] stored) {
        if (PLAINTEXT.equals(keyId) && openPlaintext) {
            // a database from before encryption at rest, until a key rotation has re-sealed it
            return stored;
        }
        long id = DataKey.idOf(keyId).orElseThrow(() -> new UnreadableBodyException(
                "The stored data names no data key of this installation"));
        DataKey key = keys.byId(id).orElseThrow(() -> new UnreadableBodyException(
                "The data key " + keyId + " does not exist"));
        if (key.destroyed()) {
            throw new KeyDestroyedException(keyId);
        }
        String owner = Owners.of(compartment);
        if (!key.owner().equals(owner)) {
            throw new UnreadableBodyException("The data sealed with key " + keyId + " belongs to another owner");
        }
        try {
            return key.aead().orElseThrow().decrypt(stored, Owners.bodyContext(owner));
        } catch (GeneralSecurityException e) {
            throw new UnreadableBodyException("The data sealed with key " + keyId + " failed its integrity check");
        }
    }

    @Override
    public Ciphertext encrypt(Optional<String> patientId, byte[] plaintext) {
        Sealed sealed = seal(patientId.orElse(null), plaintext);
        return new Ciphertext(sealed.keyId(), sealed.bytes());
    }

    @Override
    public byte[] decrypt(Optional<String> patientId, Ciphertext ciphertext) {
        return open(patientId.orElse(null), ciphertext.keyId(), ciphertext.bytes());
    }
}
