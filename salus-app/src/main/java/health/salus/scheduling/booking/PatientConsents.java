package health.salus.scheduling.booking;

import health.salus.fhir.ResourceStore;
import health.salus.patients.PrivacyNotice;
import health.salus.fhir.SearchRequest;
import health.salus.security.SystemAccess;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Whether a patient has an active privacy consent (scope patient-privacy) on file, which registration
 * requires and booking checks. Front desk staff may not read Consents, so the check runs as Salus
 * (audited as a system access) and answers yes or no only.
 */
@Component
class PatientConsents {

    private final ResourceStore store;
    private final SystemAccess system;

    PatientConsents(ResourceStore store, SystemAccess system) {
        this.store = store;
        this.system = system;
    }

    boolean hasActivePrivacyConsent(String patientId) {
        return system.call("scheduling-consent-check", () -> !store.search(new SearchRequest("Consent", Map.of(
                "patient", List.of("Patient/" + patientId), "status", List.of("active"),
                "scope", List.of(PrivacyNotice.SCOPE_SYSTEM + "|" + PrivacyNotice.SCOPE_CODE),
                "_count", List.of("1")))).matches().isEmpty());
    }
}
