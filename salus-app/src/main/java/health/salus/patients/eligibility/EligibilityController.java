package health.salus.patients.eligibility;

import health.salus.fhir.ResourceStore;
import health.salus.fhir.SearchRequest;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Eligibility for the front desk and billing. Everything is read and recorded through the store as
 * the caller, so the access policy decides who may: reading the patient to see the status, and
 * recording a CoverageEligibilityRequest to ask the payer again.
 */
@RestController
@RequestMapping("/api/patients/{patientId}")
class EligibilityController {

    private final ResourceStore store;
    private final EligibilityCheckRows rows;
    private final EligibilityChecks checks;
    private final InsuredParties parties;
    private final EligibilityResources resources;

    EligibilityController(ResourceStore store, EligibilityCheckRows rows, EligibilityChecks checks,
            InsuredParties parties, EligibilityResources resources) {
        this.store = store;
        this.rows = rows;
        this.checks = checks;
        this.parties = parties;
        this.resources = resources;
    }

    @GetMapping("/eligibility")
    EligibilityView latest(@PathVariable String patientId) {
        store.read("Patient", patientId);
        EligibilityCheck check = rows.latestFor(patientId).orElseThrow(() -> problem(HttpStatus.NOT_FOUND,
                "No eligibility check has been made for this patient"));
        CoverageEligibilityResponse response = check.responseId()
                .map(id -> (CoverageEligibilityResponse) store.read("CoverageEligibilityResponse", id)).orElse(null);
        return EligibilityView.of(check, response);
    }

    /** Asks the payer again about the patient's active coverage; answers 202 with the queued check. */
    @PostMapping("/eligibility-checks")
    ResponseEntity<EligibilityView> recheck(@PathVariable String patientId) {
        store.read("Patient", patientId);
        List<Resource> coverages = store.search(new SearchRequest("Coverage", Map.of(
                "beneficiary", List.of("Patient/" + patientId), "status", List.of("active")))).matches();
        Coverage coverage = (Coverage) coverages.stream().findFirst().orElseThrow(() -> problem(HttpStatus.CONFLICT,
                "The patient has no active coverage to check"));
        String coverageId = coverage.getIdElement().getIdPart();
        InsuredParties.Parties insured = parties.read(coverageId);
        String requestId = resources.request(patientId, coverageId, insured.insurer());
        String checkId = checks.queueOnRequest(patientId, coverageId, requestId);
        EligibilityCheck check = rows.find(checkId).orElseThrow();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(EligibilityView.of(check, null));
    }

    static ErrorResponseException problem(HttpStatus status, String detail) {
        ErrorResponseException problem = new ErrorResponseException(status);
        problem.getBody().setDetail(detail);
        return problem;
    }
}
