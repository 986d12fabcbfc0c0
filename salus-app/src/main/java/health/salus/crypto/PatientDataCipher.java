package health.salus.crypto;

import java.util.Optional;

/**
 * Encryption of patient data outside the FHIR store (message bodies, attachments, recordings) with
 * the same per-patient data keys as stored resources, so erasing a patient covers it too.
 * {@code patientId} empty means organisation data. The ciphertext only opens for the same patient.
 */
public interface PatientDataCipher {

    Ciphertext encrypt(Optional<String> patientId, byte[] plaintext);

    /**
     * @throws health.salus.fhir.BodyCodec.KeyDestroyedException when the patient's keys were destroyed
     * @throws health.salus.fhir.BodyCodec.UnreadableBodyException when it does not open for this patient
     */
    byte[] decrypt(Optional<String> patientId, Ciphertext ciphertext);

    /** @param keyId which data key version sealed it (at most 64 characters, store it beside the bytes) */
    record Ciphertext(String keyId, byte[] bytes) {
    }
}
