package health.salus.fhir.rest;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Keeps internal failures from reaching clients: an unexpected exception becomes a plain 500
 * OperationOutcome with a reference id, and is logged by class only — database messages can quote
 * the values of a row, which may identify a patient.
 */
@Interceptor
public final class SafeErrorInterceptor {

    private static final Logger log = LoggerFactory.getLogger(SafeErrorInterceptor.class);

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException sanitize(RequestDetails request, ServletRequestDetails servletRequest,
            Throwable thrown, HttpServletRequest httpRequest, HttpServletResponse httpResponse) {
        Throwable cause = rootCause(thrown);
        if (cause instanceof BaseServerResponseException known) {
            return known;
        }
        if (cause instanceof DataFormatException) {
            return new InvalidRequestException("The request body is not a valid FHIR resource: "
                    + safeParserMessage(cause.getMessage()));
        }
        if (cause instanceof DataIntegrityViolationException || cause instanceof ConcurrencyFailureException) {
            return new ResourceVersionConflictException("The resource was changed by another request; retry");
        }
        String reference = request.getRequestId();
        log.error("Unexpected {}{} while handling {} (request {})", cause.getClass().getName(), sqlState(thrown),
                request.getRestOperationType(), reference);
        log.debug("Unexpected failure (request {})", reference, thrown);
        return new InternalErrorException("An unexpected error occurred (request " + reference + ")");
    }

    /** SQL state and vendor code say what went wrong in the database without quoting any data. */
    private static String sqlState(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                return " [SQLState " + sql.getSQLState() + ", code " + sql.getErrorCode() + "]";
            }
        }
        return "";
    }

    /** HAPI wraps what a provider throws; the innermost HAPI or foreign exception is the one that counts. */
    private static Throwable rootCause(Throwable thrown) {
        Throwable current = thrown;
        while (current.getCause() != null && current.getCause() != current
                && (current instanceof InternalErrorException || !(current instanceof BaseServerResponseException))) {
            current = current.getCause();
        }
        return current;
    }

    /** Parser messages name elements and positions; values are cut off at the first quote. */
    private static String safeParserMessage(String message) {
        if (message == null) {
            return "unreadable content";
        }
        String trimmed = message.replaceAll("HAPI-\\d+: ", "");
        int quote = trimmed.indexOf('"');
        return quote > 0 ? trimmed.substring(0, quote).trim() : trimmed;
    }
}
