package health.salus.patients.mpi.review;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import health.salus.fhir.AccessGuard;
import health.salus.fhir.AccessGuard.AccessedResource;
import health.salus.fhir.Interaction;
import health.salus.fhir.PatientSet;
import health.salus.fhir.ResourceStore;
import health.salus.patients.merge.MergeReason;
import health.salus.patients.merge.MergeRefusedException;
import health.salus.patients.merge.PatientMerge;
import health.salus.patients.mpi.index.PatientMatcher;
import health.salus.patients.mpi.matching.Comparison;
import health.salus.security.CurrentSubject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Service;

/**
 * The duplicate review queue as other modules' screens work it (the care coordinator's): the open pairs,
 * one pair with both patients read through the store as the reviewer (policy-checked and audited), and the
 * two decisions. Whoever the access policy lets merge any patient may review; the merge itself is the
 * patients module's {@link PatientMerge}, so the review closes as MERGED with it.
 */
@Service
@org.springframework.modulith.NamedInterface("duplicate-review")
public class DuplicateReviewDesk {

    private static final String REVIEW_ID = "[0-9a-f\\-]{36}";

    private final DuplicateReviews reviews;
    private final ResourceStore store;
    private final PatientMatcher matcher;
    private final PatientMerge merges;
    private final AccessGuard guard;
    private final CurrentSubject subjects;

    DuplicateReviewDesk(DuplicateReviews reviews, ResourceStore store, PatientMatcher matcher, PatientMerge merges,
            AccessGuard guard, CurrentSubject subjects) {
        this.reviews = reviews;
        this.store = store;
        this.matcher = matcher;
        this.merges = merges;
        this.guard = guard;
        this.subjects = subjects;
    }

    /** Open pairs, newest first. */
    public List<DuplicateReview> open(int offset, int count) {
        requireReviewer();
        return reviews.list(Optional.of(DuplicateReview.Status.OPEN), Math.max(offset, 0),
                Math.min(Math.max(count, 1), 200));
    }

    /** The review alone (ids, score, status: no patient data, so nothing read from the store). */
    public DuplicateReview review(String reviewId) {
        requireReviewer();
        return find(reviewId);
    }

    /** The pair with both patients as the reviewer may see them; any status, so a decided pair says so. */
    public ReviewedPair pair(String reviewId) {
        requireReviewer();
        DuplicateReview review = find(reviewId);
        Optional<Patient> newPatient = readable(review.newPatientId());
        Optional<Patient> candidate = readable(review.candidatePatientId());
        if (newPatient.isEmpty() || candidate.isEmpty()) {
            return new ReviewedPair(review, newPatient, candidate, Optional.empty());
        }
        Comparison comparison = matcher.compare(newPatient.get(), candidate.get());
        Map<String, String> levels = new LinkedHashMap<>();
        comparison.levels().forEach((field, level) -> levels.put(field.code(), level.code()));
        return new ReviewedPair(review, newPatient, candidate, Optional.of(new ReviewedPair.Comparison(
                Math.round(comparison.score() * 100) / 100.0, levels, comparison.possibleTwin())));
    }

    /** The two are different people: the review closes, once. */
    public void notDuplicate(String reviewId) {
        String reviewer = requireReviewer();
        DuplicateReview review = find(reviewId);
        if (!reviews.decide(review.id(), DuplicateReview.Status.NOT_DUPLICATE, reviewer)) {
            throw new ReviewRefusedException(ReviewRefusedException.Reason.ALREADY_DECIDED,
                    "This review is already decided");
        }
    }

    /**
     * Merges the other patient of the pair into {@code survivorId}; returns the merge's id. The store's own
     * refusals pass through as they are (403 without the merge permission, 404, 409/412 for a record
     * changed meanwhile); nothing is changed when it throws.
     */
    public String merge(String reviewId, String survivorId) {
        requireReviewer();
        DuplicateReview review = find(reviewId);
        if (review.status() != DuplicateReview.Status.OPEN) {
            throw new ReviewRefusedException(ReviewRefusedException.Reason.ALREADY_DECIDED,
                    "This review is already decided");
        }
        if (survivorId == null || !review.names(survivorId)) {
            throw new ReviewRefusedException(ReviewRefusedException.Reason.NOT_IN_PAIR,
                    "The survivor must be one of the two patients of this review");
        }
        String merged = survivorId.equals(review.candidatePatientId()) ? review.newPatientId()
                : review.candidatePatientId();
        try {
            return merges.merge(survivorId, merged, MergeReason.DUPLICATE_REVIEW).mergeId();
        } catch (MergeRefusedException refused) {
            throw new ReviewRefusedException(ReviewRefusedException.Reason.MERGE_REFUSED, refused.getMessage());
        }
    }

    /** The policy's answer to "may this user merge any patient's record", which is what reviewing takes. */
    public boolean mayReview() {
        return guard.visibility(Interaction.MERGE).forType("Patient").map(PatientSet::all).orElse(false);
    }

    private String requireReviewer() {
        String subjectId = subjects.require().id();
        if (!mayReview()) {
            guard.refused(Interaction.MERGE, new AccessedResource("Patient", null, null));
            throw new ForbiddenOperationException("The access policy does not allow reviewing duplicates");
        }
        return subjectId;
    }

    private DuplicateReview find(String id) {
        return Optional.ofNullable(id).filter(i -> i.matches(REVIEW_ID)).flatMap(reviews::find)
                .orElseThrow(() -> new ReviewRefusedException(ReviewRefusedException.Reason.NOT_FOUND,
                        "No such duplicate review"));
    }

    /** The patient as the reviewer may see it; a refusal (recorded by the store) leaves that side empty. */
    private Optional<Patient> readable(String patientId) {
        try {
            return Optional.of((Patient) store.read("Patient", patientId));
        } catch (ForbiddenOperationException refused) {
            return Optional.empty();
        }
    }
}
