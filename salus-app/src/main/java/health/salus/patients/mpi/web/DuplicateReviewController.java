package health.salus.patients.mpi.web;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import health.salus.fhir.ResourceStore;
import health.salus.patients.merge.MergeReason;
import health.salus.patients.merge.MergeRecord;
import health.salus.patients.merge.MergeRefusedException;
import health.salus.patients.merge.PatientMerge;
import health.salus.patients.mpi.index.PatientMatcher;
import health.salus.patients.mpi.matching.Comparison;
import health.salus.patients.mpi.review.DuplicateReview;
import health.salus.patients.mpi.review.DuplicateReviewDesk;
import health.salus.patients.mpi.review.DuplicateReviews;
import health.salus.patients.mpi.review.ReviewRefusedException;
import health.salus.platform.InvalidFieldsException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The duplicate review queue: {@code GET /api/patients/duplicates?status=OPEN}, {@code GET .../{id}} with
 * both patients side by side (read through the store as the reviewer, so policy-checked and audited), and
 * {@code POST .../{id}/not-duplicate} or {@code POST .../{id}/merge}. A merge by any route (also
 * {@code POST /api/patients/merges}) closes the pair's open review as MERGED.
 */
@RestController
@RequestMapping("/api/patients/duplicates")
class DuplicateReviewController {

    private static final String REVIEW_ID = "[0-9a-f\\-]{36}";
    private static final int MAX_COUNT = 200;

    private final DuplicateReviews reviews;
    private final ResourceStore store;
    private final PatientMatcher matcher;
    private final MpiAccess access;

    private final PatientMerge merges;
    private final DuplicateReviewDesk desk;

    DuplicateReviewController(DuplicateReviews reviews, ResourceStore store, PatientMatcher matcher,
            MpiAccess access, PatientMerge merges, DuplicateReviewDesk desk) {
        this.merges = merges;
        this.desk = desk;
        this.reviews = reviews;
        this.store = store;
        this.matcher = matcher;
        this.access = access;
    }

    @GetMapping
    Map<String, Object> list(@RequestParam Optional<String> status, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int count) {
        access.require(MpiAccess.REVIEWERS);
        // no status: the open ones, which is what a reviewer works; ALL: every status
        Optional<DuplicateReview.Status> wanted = status.isEmpty() ? Optional.of(DuplicateReview.Status.OPEN)
                : status.get().equalsIgnoreCase("all") ? Optional.empty()
                : Optional.of(Arrays.stream(DuplicateReview.Status.values())
                        .filter(v -> v.name().equalsIgnoreCase(status.get())).findFirst()
                        .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                                "status: OPEN, MERGED, NOT_DUPLICATE or ALL")));
        if (offset < 0 || count < 1 || count > MAX_COUNT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "offset ≥ 0 and count from 1 to " + MAX_COUNT);
        }
        List<DuplicateReview> page = reviews.list(wanted, offset, count);
        return Map.of("reviews", page.stream().map(DuplicateReviewController::view).toList());
    }

    @GetMapping("/{id}")
    Map<String, Object> review(@PathVariable String id) {
        access.require(MpiAccess.REVIEWERS);
        DuplicateReview review = find(id);
        Optional<Patient> newPatient = readable(review.newPatientId());
        Optional<Patient> candidate = readable(review.candidatePatientId());
        Map<String, Object> body = new LinkedHashMap<>(view(review));
        body.put("newPatient", newPatient.map(PatientSummary::of)
                .orElse(PatientSummary.hidden(review.newPatientId())));
        body.put("candidatePatient", candidate.map(PatientSummary::of)
                .orElse(PatientSummary.hidden(review.candidatePatientId())));
        if (newPatient.isPresent() && candidate.isPresent()) {
            Comparison comparison = matcher.compare(newPatient.get(), candidate.get());
            Map<String, String> levels = new LinkedHashMap<>();
            comparison.levels().forEach((field, level) -> levels.put(field.code(), level.code()));
            body.put("comparison", Map.of("score", Math.round(comparison.score() * 100) / 100.0, "levels", levels,
                    "household", comparison.possibleTwin()));
        }
        return body;
    }

    /**
     * Closes the pair as two different people. A decision, so it takes what a merge takes (the policy's
     * merge permission within the token's scopes): a read-only token may look at the queue, not decide it.
     */
    @PostMapping("/{id}/not-duplicate")
    Map<String, Object> notDuplicate(@PathVariable String id) {
        access.require(MpiAccess.REVIEWERS);
        DuplicateReview review = find(id);
        try {
            desk.notDuplicate(review.id());
        } catch (ReviewRefusedException refused) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "This review is already decided");
        }
        return view(find(id));
    }

    /**
     * Merges the pair: by default the patient already on file survives and the new registration is merged
     * into it; {@code {"survivorId": …}} picks the other way round. The review closes as MERGED with the merge.
     */
    @PostMapping("/{id}/merge")
    Map<String, Object> merge(@PathVariable String id, @RequestBody(required = false) Map<String, String> body) {
        access.require(MpiAccess.REVIEWERS);
        DuplicateReview review = find(id);
        if (review.status() != DuplicateReview.Status.OPEN) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "This review is already decided");
        }
        String survivor = Optional.ofNullable(body).map(b -> b.get("survivorId")).orElse(review.candidatePatientId());
        if (!review.names(survivor)) {
            throw new InvalidFieldsException(List.of(new InvalidFieldsException.FieldProblem("survivorId",
                    "The survivor must be one of the two patients of this review")));
        }
        String merged = survivor.equals(review.candidatePatientId()) ? review.newPatientId() : review.candidatePatientId();
        try {
            MergeRecord record = merges.merge(survivor, merged, MergeReason.DUPLICATE_REVIEW);
            Map<String, Object> view = new LinkedHashMap<>(view(find(id)));
            view.put("mergeId", record.mergeId());
            return view;
        } catch (MergeRefusedException refused) {
            throw new ResponseStatusException(refused.status(), refused.getMessage());
        }
    }

    private DuplicateReview find(String id) {
        if (!id.matches(REVIEW_ID)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such duplicate review");
        }
        return reviews.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No such duplicate review"));
    }

    /** The patient as the reviewer may see it; a refusal (recorded by the store) shows that side as hidden. */
    private Optional<Patient> readable(String patientId) {
        try {
            return Optional.of((Patient) store.read("Patient", patientId));
        } catch (ForbiddenOperationException refused) {
            return Optional.empty();
        }
    }

    static Map<String, Object> view(DuplicateReview review) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", review.id());
        view.put("newPatientId", review.newPatientId());
        view.put("candidatePatientId", review.candidatePatientId());
        view.put("score", review.score());
        view.put("agreements", review.agreements());
        view.put("status", review.status().name());
        view.put("createdAt", review.createdAt().toString());
        view.put("decidedBy", review.decidedBy().orElse(null));
        view.put("decidedAt", review.decidedAt().map(Object::toString).orElse(null));
        return view;
    }
}
