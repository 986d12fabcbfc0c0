package health.salus.patients;

import java.time.Instant;

/**
 * A patient was registered (Patient, Consent and Coverage committed together). Stored in the event
 * outbox in plaintext, so it carries ids only. {@code coverageId} is null when the patient is
 * self-pay; {@code possibleDuplicate} is true when the index flagged the record for review.
 */
public record PatientRegistered(
        String patientId,
        String coverageId,
        boolean possibleDuplicate,
        Instant registeredAt) {
}
