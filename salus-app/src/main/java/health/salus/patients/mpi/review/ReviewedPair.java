package health.salus.patients.mpi.review;

import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Patient;

/**
 * A review with its two patients as the reviewer may see them (empty: the policy does not let them read
 * that record) and, when both are seen, how far each compared field agreed ({@code given} → {@code nickname}).
 */
@org.springframework.modulith.NamedInterface("duplicate-review")
public record ReviewedPair(DuplicateReview review, Optional<Patient> newPatient, Optional<Patient> candidatePatient,
        Map<String, String> levels) {

    public ReviewedPair {
        levels = Map.copyOf(levels);
    }

    public boolean bothVisible() {
        return newPatient.isPresent() && candidatePatient.isPresent();
    }
}
