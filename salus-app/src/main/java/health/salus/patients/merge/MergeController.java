package health.salus.patients.merge;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import health.salus.fhir.AccessGuard;
import health.salus.fhir.Interaction;
import health.salus.platform.Problems;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Merges and unmerges over REST. Who may is the access policy's {@code merge} permission on Patient, which
 * the store checks for both patients; a merge record (ids, versions, codes) is shown to the same people.
 */
@RestController
@RequestMapping("/api/patients/merges")
class MergeController {

    private final PatientMerge merges;
    private final AccessGuard guard;

    MergeController(PatientMerge merges, AccessGuard guard) {
        this.merges = merges;
        this.guard = guard;
    }

    /** {@code {"survivorId": "...", "mergedId": "...", "reason": "duplicate-registration"}} */
    record MergeRequest(String survivorId, String mergedId, String reason) {
    }

    @PostMapping
    ResponseEntity<MergeRecord> merge(@RequestBody MergeRequest request) {
        MergeReason reason = request.reason() == null ? null : MergeReason.fromCode(request.reason()).orElse(null);
        MergeRecord merge = merges.merge(request.survivorId(), request.mergedId(), reason);
        return ResponseEntity.created(URI.create("/api/patients/merges/" + merge.mergeId())).body(merge);
    }

    @PostMapping("/{mergeId}/unmerge")
    MergeRecord unmerge(@PathVariable String mergeId) {
        return merges.unmerge(mergeId);
    }

    @GetMapping("/{mergeId}")
    MergeRecord merge(@PathVariable String mergeId) {
        if (!guard.visibility(Interaction.MERGE).permitsType("Patient")) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Your role may not merge patients");
        }
        return merges.find(mergeId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No such merge"));
    }

    @ExceptionHandler(MergeRefusedException.class)
    ResponseEntity<ProblemDetail> refused(MergeRefusedException e) {
        return Problems.respond(e.status(), e.getMessage());
    }

    /** The store's refusals: 403 (policy), 404/410 (patients), 409/412 (changed concurrently: a conflict here). */
    @ExceptionHandler(BaseServerResponseException.class)
    ResponseEntity<ProblemDetail> store(BaseServerResponseException e) {
        return Problems.storeRefusal(e, "patient");
    }
}
