package health.salus.fhir;

/**
 * Seals resource bodies on their way to storage and opens them on the way back. The crypto module
 * provides the one implementation (a per-patient AEAD); the store never sees a key.
 */
public interface BodyCodec {

    /** @param compartment the patient compartment key, or {@code null} for shared resources */
    Sealed seal(String compartment, byte[] plaintext);

    /**
     * @throws KeyDestroyedException when the key was destroyed (the patient's data was erased)
     * @throws UnreadableBodyException when the body does not open with its key and owner
     */
    byte[] open(String compartment, String keyId, byte[] stored);

    record Sealed(String keyId, byte[] bytes) {
    }

    /** A body that cannot be opened. Messages name key ids only, never the patient or the content. */
    class UnreadableBodyException extends RuntimeException {

        public UnreadableBodyException(String message) {
            super(message);
        }
    }

    /**
     * The body's key was destroyed on purpose (crypto-shredding): the data is erased, not broken, so
     * reads answer 410 Gone and searches leave it out.
     */
    class KeyDestroyedException extends UnreadableBodyException {

        public KeyDestroyedException(String keyId) {
            super("The key " + keyId + " was destroyed; the data it protected is erased");
        }
    }
}
