package health.salus.patients.eligibility;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The status of a patient's newest eligibility check, for the registration view of the same module
 * (the caller must already have read the patient through the store: this adds no access check).
 */
@Component
public class LatestEligibility {

    private final EligibilityCheckRows rows;

    LatestEligibility(EligibilityCheckRows rows) {
        this.rows = rows;
    }

    /** {@code PENDING}, {@code VERIFIED}, {@code INACTIVE}, {@code NOT_FOUND} or {@code FAILED}; empty if never checked. */
    public Optional<String> statusOf(String patientId) {
        return rows.latestFor(patientId).map(check -> check.status().name());
    }
}
