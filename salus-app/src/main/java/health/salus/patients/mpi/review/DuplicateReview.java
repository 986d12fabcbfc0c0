package health.salus.patients.mpi.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One pair on the duplicate review queue: ids, score and the names of the agreeing fields only. */
@org.springframework.modulith.NamedInterface("duplicate-review")
public record DuplicateReview(String id, String newPatientId, String candidatePatientId, double score,
        List<String> agreements, Status status, Instant createdAt, Optional<String> decidedBy,
        Optional<Instant> decidedAt) {

    public enum Status { OPEN, MERGED, NOT_DUPLICATE }

    public DuplicateReview {
        agreements = List.copyOf(agreements);
    }

    /** Whether the patient is on either side of this pair. */
    public boolean names(String patientId) {
        return newPatientId.equals(patientId) || candidatePatientId.equals(patientId);
    }
}
