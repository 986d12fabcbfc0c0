package health.salus.patients.registration;

import health.salus.fhir.ResourceStore;
import health.salus.patients.eligibility.LatestEligibility;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Patient registration for the front desk and for integrations. Who may register is the access
 * policy's answer when the store is asked to create the Patient (front desk and integrations may,
 * clinicians and patients may not); nothing here checks roles.
 */
@RestController
class RegistrationController {

    private final RegistrationValidator validator;
    private final PatientRegistrations registrations;
    private final RegistrationRecords records;
    private final ResourceStore store;
    private final MedicalRecordNumbers mrns;
    private final LatestEligibility eligibility;

    RegistrationController(RegistrationValidator validator, PatientRegistrations registrations,
            RegistrationRecords records, ResourceStore store, MedicalRecordNumbers mrns,
            LatestEligibility eligibility) {
        this.eligibility = eligibility;
        this.validator = validator;
        this.registrations = registrations;
        this.records = records;
        this.store = store;
        this.mrns = mrns;
    }

    @PostMapping("/api/patients")
    ResponseEntity<Map<String, Object>> register(@RequestBody RegistrationRequest request) {
        Registration registration = registrations.register(validator.check(request));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("patientId", registration.patientId());
        body.put("mrn", registration.mrn());
        body.put("consentId", registration.consentId());
        body.put("coverageId", registration.coverageId().orElse(null));
        body.put("possibleDuplicate", registration.possibleDuplicate());
        return ResponseEntity.created(URI.create("/api/patients/" + registration.patientId() + "/registration"))
                .body(body);
    }

    /**
     * The registration state of a patient the caller may read: MRN, consent status, duplicate flag and
     * the newest eligibility check's status
     * ({@code null} for self-pay or before the first check is queued).
     */
    @GetMapping("/api/patients/{id}/registration")
    Map<String, Object> status(@PathVariable String id) {
        Patient patient = (Patient) store.read("Patient", id);
        Optional<RegistrationRecords.Row> row = records.find(id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("patientId", id);
        body.put("mrn", NewPatient.mrnOf(patient, mrns.system()).orElse(null));
        body.put("registered", row.isPresent());
        body.put("registeredAt", row.map(r -> r.registeredAt().toString()).orElse(null));
        body.put("consentStatus", row.map(r -> ((Consent) store.read("Consent", r.consentId())).getStatus().toCode())
                .orElse(null));
        body.put("coverageId", row.flatMap(RegistrationRecords.Row::coverageId).orElse(null));
        body.put("possibleDuplicate", row.map(RegistrationRecords.Row::possibleDuplicate).orElse(false));
        body.put("eligibilityStatus", eligibility.statusOf(id).orElse(null));
        return body;
    }
}
