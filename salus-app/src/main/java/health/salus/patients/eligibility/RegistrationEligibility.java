package health.salus.patients.eligibility;

import health.salus.patients.PatientRegistered;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Checks the coverage of every newly registered insured patient in the background, so the front desk
 * knows before the visit. Only queues: a payer that cannot answer never holds up or undoes a registration.
 */
@Component
class RegistrationEligibility {

    private final EligibilityChecks checks;
    private final EligibilityProperties properties;

    RegistrationEligibility(EligibilityChecks checks, EligibilityProperties properties) {
        this.checks = checks;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void on(PatientRegistered registered) {
        if (registered.coverageId() != null && properties.enabled()) {
            checks.queueForRegistration(registered.patientId(), registered.coverageId());
        }
    }
}
