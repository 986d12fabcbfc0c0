package health.salus.audit.monitoring;

import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Privacy officers keep the list of watched records: {@code PUT {"reason": "VIP"}}, {@code DELETE}, list. */
@RestController
@RequestMapping("/api/audit/flagged-patients")
class FlaggedPatientController {

    /** A FHIR resource id. */
    private static final String PATIENT_ID = "[A-Za-z0-9\\-.]{1,64}";
    private static final Set<String> REASONS = Set.of("VIP", "EMPLOYEE");

    private final FlaggedPatients flagged;
    private final OfficerAccess access;

    FlaggedPatientController(FlaggedPatients flagged, OfficerAccess access) {
        this.flagged = flagged;
        this.access = access;
    }

    record FlagRequest(String reason) {
    }

    @GetMapping
    List<FlaggedPatient> list() {
        access.requirePrivacyOfficer("flagged-patients-list");
        return flagged.all();
    }

    @PutMapping("/{patientId}")
    FlaggedPatient flag(@PathVariable String patientId, @RequestBody(required = false) FlagRequest request) {
        var officer = access.requirePrivacyOfficer("flagged-patient-set");
        if (request == null || request.reason() == null || !REASONS.contains(request.reason())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "reason: VIP or EMPLOYEE");
        }
        return flagged.flag(valid(patientId), FlaggedPatient.Reason.valueOf(request.reason()), officer,
                access.origin());
    }

    @DeleteMapping("/{patientId}")
    ResponseEntity<Void> unflag(@PathVariable String patientId) {
        var officer = access.requirePrivacyOfficer("flagged-patient-remove");
        if (!flagged.unflag(valid(patientId), officer, access.origin())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "That patient is not flagged");
        }
        return ResponseEntity.noContent().build();
    }

    private static String valid(String patientId) {
        if (!patientId.matches(PATIENT_ID)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "patientId: a Patient id");
        }
        return patientId;
    }
}
