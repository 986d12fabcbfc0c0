package health.salus.patients.mpi;

import java.util.List;

/**
 * What the master patient index thinks of a new or changed patient: {@code CERTAIN} (score at or above
 * the upper threshold: the same person is already registered), {@code PROBABLE} (between the thresholds:
 * register, but queue for duplicate review) or {@code NONE}. Candidates come best first.
 */
public record MatchAssessment(Decision decision, List<Candidate> candidates) {

    public enum Decision { NONE, PROBABLE, CERTAIN }

    /** An existing patient that may be the same person, with the score and the fields that agreed. */
    public record Candidate(String patientId, double score, List<String> agreements) {
    }

    public MatchAssessment {
        candidates = List.copyOf(candidates);
    }
}
