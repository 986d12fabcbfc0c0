package health.salus.platform.web;

import ca.uhn.fhir.rest.server.ServletRequestTracing;
import health.salus.platform.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Gives each request its id before anything else runs, security filters included (see {@link RequestIds}). */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = UUID.randomUUID().toString().replace("-", "");
        request.setAttribute(RequestIds.ATTRIBUTE, id);
        // the FHIR server takes this as its own request id, so its error references match
        request.setAttribute(ServletRequestTracing.ATTRIBUTE_REQUEST_ID, id);
        response.setHeader(RequestIds.HEADER, id);
        MDC.put("requestId", id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("requestId");
        }
    }
}
