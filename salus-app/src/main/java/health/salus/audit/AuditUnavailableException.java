package health.salus.audit;

/** The trail could not be written; the action it would have recorded must not complete. */
public class AuditUnavailableException extends RuntimeException {

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
