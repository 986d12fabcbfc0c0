package health.salus.security.oauth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * SMART clients look for discovery under the FHIR base ({@code /fhir/.well-known/smart-configuration}),
 * which belongs to the FHIR servlet; this hands that one path to the discovery controller.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SmartDiscoveryForward extends OncePerRequestFilter {

    static final String FHIR_DISCOVERY = "/fhir/.well-known/smart-configuration";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().equals(request.getContextPath() + FHIR_DISCOVERY);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.getRequestDispatcher("/.well-known/smart-configuration").forward(request, response);
    }
}
