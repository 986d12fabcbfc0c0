package health.salus.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where a security event came from: the client's address, its user agent and the caller's request id
 * (any may be {@code null}; all are {@code null} for work Salus does on its own). The user agent is
 * cut short and the request id kept only when it looks like an id, so nothing a caller sends can
 * grow the audit trail or smuggle text into it.
 */
public record RequestOrigin(String clientIp, String userAgent, String requestId) {

    public static final RequestOrigin NONE = new RequestOrigin(null, null, null);
    private static final int MAX_USER_AGENT = 255;
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,64}");

    /** The origin of the request this thread is serving, or {@link #NONE}. */
    public static RequestOrigin current() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? of(attributes.getRequest()) : NONE;
    }

    public static RequestOrigin of(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        if (agent != null && agent.length() > MAX_USER_AGENT) {
            agent = agent.substring(0, MAX_USER_AGENT);
        }
        String requestId = Optional.ofNullable(request.getHeader("X-Request-ID"))
                .filter(id -> REQUEST_ID.matcher(id).matches()).orElse(null);
        return new RequestOrigin(request.getRemoteAddr(), agent, requestId);
    }
}
