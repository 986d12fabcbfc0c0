package health.salus.fhir.rest;

import ca.uhn.fhir.i18n.Msg;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import health.salus.platform.ServiceUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/**
 * Keeps internal failures from reaching clients: an unexpected exception becomes a plain 500
 * OperationOutcome with a reference id, and is logged by class only — database messages can quote
 * the values of a row, which may identify a patient.
 */
@Interceptor
public final class SafeErrorInterceptor {

    private static final Logger log = LoggerFactory.getLogger(SafeErrorInterceptor.class);
    private static final String PARSER_DETAIL = "Error was: ";
    /** Quoted text, with the word before it when that says it names an element or the expected type. */
    private static final Pattern QUOTED = Pattern.compile("(element=|element |expected )?([\"'])(?:(?!\\2).)*\\2",
            Pattern.DOTALL);
    /** JSON parsers name an unexpected character by its code too. */
    private static final Pattern CHARACTER_CODE = Pattern.compile(" ?\\(code \\d+\\)");

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException sanitize(RequestDetails request, ServletRequestDetails servletRequest,
            Throwable thrown, HttpServletRequest httpRequest, HttpServletResponse httpResponse) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ServiceUnavailableException) {
                // e.g. the audit trail could not record this access: no result may leave without it
                log.warn("Refused as unavailable: {} (request {})", t.getClass().getName(), request.getRequestId());
                return new UnclassifiedServerFailureException(503,
                        "The service cannot complete this request right now; try again later");
            }
        }
        Throwable cause = rootCause(thrown);
        if (cause instanceof InvalidRequestException && isUnparsableBody(cause.getMessage())) {
            // HAPI reports a body it cannot parse with the parser's message (no cause), which quotes values
            String message = cause.getMessage();
            int detail = message.indexOf(PARSER_DETAIL);
            return new InvalidRequestException("The request body is not a valid FHIR resource: "
                    + safeParserMessage(detail < 0 ? null : message.substring(detail + PARSER_DETAIL.length())));
        }
        if (cause instanceof BaseServerResponseException known) {
            return known;
        }
        if (cause instanceof DataFormatException) {
            // HAPI also raises it for unreadable parameter values (_since=soon), where there is no body
            String what = request.loadRequestContents() != null && request.loadRequestContents().length > 0
                    ? "The request body is not a valid FHIR resource: " : "A parameter value could not be read: ";
            return new InvalidRequestException(what + safeParserMessage(cause.getMessage()));
        }
        if (cause instanceof DuplicateKeyException || cause instanceof ConcurrencyFailureException) {
            return new ResourceVersionConflictException("The resource was changed by another request; retry");
        }
        if (cause instanceof DataIntegrityViolationException) {
            // retrying cannot help: a value does not fit what the store can hold
            return new InvalidRequestException("A value is too long or out of range to be stored");
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

    private static boolean isUnparsableBody(String message) {
        return message != null && message.startsWith(Msg.code(450));
    }

    /**
     * Parser messages name elements and positions but also quote the values they choke on ({@code
     * Invalid attribute value "…"}, {@code Unrecognized token '…'}). Every quoted text is masked except
     * an element name or the type that was expected.
     */
    private static String safeParserMessage(String message) {
        if (message == null) {
            return "unreadable content";
        }
        String trimmed = CHARACTER_CODE.matcher(message.replaceAll("HAPI-\\d+: ", "")).replaceAll("");
        return QUOTED.matcher(trimmed).replaceAll(quoted -> quoted.group(1) != null
                ? Matcher.quoteReplacement(quoted.group()) : quoted.group(2) + "…" + quoted.group(2));
    }
}
