package health.salus.security;

import health.salus.platform.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where a security event came from: the client's address, its user agent and the request id Salus
 * gave the request ({@link RequestIds}, never one the client sent); any may be {@code null}, all are
 * for work Salus does on its own. The user agent is cut short so a caller cannot grow the trail.
 */
public record RequestOrigin(String clientIp, String userAgent, String requestId) {

    public static final RequestOrigin NONE = new RequestOrigin(null, null, null);
    private static final int MAX_USER_AGENT = 255;

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
        Object requestId = request.getAttribute(RequestIds.ATTRIBUTE);
        return new RequestOrigin(request.getRemoteAddr(), agent, requestId instanceof String id ? id : null);
    }
}
