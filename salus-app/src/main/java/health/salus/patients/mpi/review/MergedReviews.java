package health.salus.patients.mpi.review;

import health.salus.patients.PatientsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Closes the open reviews of a pair that was just merged, whichever route merged it, inside the merge's
 * own transaction: a merge that rolls back leaves the review open.
 */
@Component
class MergedReviews {

    private final DuplicateReviews reviews;

    MergedReviews(DuplicateReviews reviews) {
        this.reviews = reviews;
    }

    @EventListener
    void on(PatientsMerged merged) {
        reviews.involving(merged.survivorId()).stream()
                .filter(review -> review.status() == DuplicateReview.Status.OPEN)
                .filter(review -> review.names(merged.mergedId()))
                .forEach(review -> reviews.decide(review.id(), DuplicateReview.Status.MERGED, merged.actorId()));
    }
}
