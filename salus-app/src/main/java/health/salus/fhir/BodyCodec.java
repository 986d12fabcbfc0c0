package health.salus.fhir;

/**
 * Seals resource bodies on their way to storage and opens them on the way back. The default stores
 * plaintext; encryption at rest replaces it with a per-patient AEAD without a schema change.
 */
public interface BodyCodec {

    /** @param compartment the patient compartment key, or {@code null} for shared resources */
    Sealed seal(String compartment, byte[] plaintext);

    byte[] open(String compartment, String keyId, byte[] stored);

    record Sealed(String keyId, byte[] bytes) {
    }
}
