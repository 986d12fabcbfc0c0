package health.salus.patients.eligibility;

import java.time.Instant;
import java.util.Optional;

/** One row of {@code patients_eligibility_check}: ids, status and counts, never patient details. */
record EligibilityCheck(String id, String patientId, String coverageId, Optional<String> requestId,
        Optional<String> responseId, EligibilityStatus status, int attempts, Optional<Instant> nextAttemptAt,
        Optional<String> errorCode, Instant requestedAt, Instant updatedAt) {
}
