package health.salus.platform;

/**
 * Something the request depends on cannot be done right now (the audit trail cannot be written), so
 * the request must fail without its result: 503, an OperationOutcome on {@code /fhir} and
 * problem+json elsewhere, with a fixed message and no detail of the cause.
 */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
