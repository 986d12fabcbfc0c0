package health.salus.patients.mpi.review;

/**
 * A review decision that cannot be made as asked. The message is fixed text, never a patient's data;
 * screens show their own words for the {@link Reason}.
 */
@org.springframework.modulith.NamedInterface("duplicate-review")
public class ReviewRefusedException extends RuntimeException {

    public enum Reason {
        /** no review has this id */
        NOT_FOUND,
        /** someone decided the pair first */
        ALREADY_DECIDED,
        /** the chosen survivor is not one of the pair */
        NOT_IN_PAIR,
        /** the merge itself refused: a record already merged away, or changed meanwhile */
        MERGE_REFUSED
    }

    private final Reason reason;

    ReviewRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
