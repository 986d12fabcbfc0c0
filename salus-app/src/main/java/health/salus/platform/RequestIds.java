package health.salus.platform;

import java.util.Optional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Every HTTP request gets an id of Salus's own making, returned as {@code X-Request-Id}, kept in the
 * logs' MDC, used by the FHIR server for its error references and recorded in the audit trail, so
 * a complaint, a log line and an audit entry can be matched. Ids from the client are not trusted.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = RequestIds.class.getName();

    private RequestIds() {
    }

    /** The current request's id, or empty outside an HTTP request (jobs, start-up). */
    public static Optional<String> current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? Optional.empty()
                : Optional.ofNullable((String) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }
}
