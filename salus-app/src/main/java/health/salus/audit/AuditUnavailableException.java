package health.salus.audit;

import health.salus.platform.ServiceUnavailableException;

/**
 * The trail could not be written; the action it would have recorded must not complete. A platform
 * {@link ServiceUnavailableException}, so it answers 503 on {@code /fhir} and {@code /api} alike.
 */
public class AuditUnavailableException extends ServiceUnavailableException {

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
