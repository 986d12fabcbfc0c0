package health.salus.patients.mpi.review;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Patient;

/**
 * A review with its two patients as the reviewer may see them (empty: the policy does not let them read
 * that record) and, when both are seen, how the matcher compares them now.
 */
@org.springframework.modulith.NamedInterface("duplicate-review")
public record ReviewedPair(DuplicateReview review, Optional<Patient> newPatient, Optional<Patient> candidatePatient,
        Optional<Comparison> comparison) {

    /** The score now, how far each compared field agreed ({@code given} → {@code nickname}), and the twin rule. */
    public record Comparison(double score, Map<String, String> levels, boolean possibleTwin) {

        public Comparison {
            levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
        }
    }

    public boolean bothVisible() {
        return newPatient.isPresent() && candidatePatient.isPresent();
    }
}
