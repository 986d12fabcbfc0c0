package health.salus.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * 401 and 403 bodies for callers of {@code /fhir} (an OperationOutcome) and {@code /api}
 * (RFC 9457 problem+json), with the bearer challenge RFC 6750 asks for. Fixed texts: nothing from the request.
 */
final class ApiErrorResponses {

    private ApiErrorResponses() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        response.setStatus(status);
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (request.getRequestURI().startsWith(request.getContextPath() + "/fhir")) {
            response.setContentType("application/fhir+json");
            response.getWriter().write("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                    + "\"code\":\"" + (status == 401 ? "login" : "forbidden") + "\",\"diagnostics\":\"" + message
                    + "\"}]}");
        } else {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\""
                    + (status == 401 ? "Unauthorized" : "Forbidden") + "\",\"status\":" + status + ",\"detail\":\""
                    + message + "\"}");
        }
    }
}
