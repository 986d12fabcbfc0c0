package health.salus.audit.recording;

import health.salus.platform.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives each FHIR read (GET, HEAD) a {@link ResponseGate}: the accesses it reports are appended to the
 * trail while the answer is built, and the answer leaves only once they are committed. When they
 * could not be, the answer is dropped unsent and the client gets a 503 OperationOutcome instead, as
 * from the synchronous path. Other methods write inside transactions and record synchronously.
 */
final class ResponseGateFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ResponseGateFilter.class);
    private static final byte[] UNAVAILABLE = ("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":"
            + "\"error\",\"code\":\"transient\",\"diagnostics\":\"The service cannot complete this request right "
            + "now; try again later\"}]}").getBytes(StandardCharsets.UTF_8);

    private final Duration timeout;

    /** {@code timeout}: the longest an answer waits for its appends, as long as a caller of the trail waits. */
    ResponseGateFilter(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ResponseGate gate = new ResponseGate(timeout);
        request.setAttribute(ResponseGate.ATTRIBUTE, gate);
        GatedResponse gated = new GatedResponse(response, gate);
        try {
            chain.doFilter(request, gated);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!gate.open()) {
                refuse(request, response, gate);
                return;
            }
            throw e;
        }
        if (!gated.release()) {
            refuse(request, response, gate);
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, ResponseGate gate)
            throws IOException {
        Object requestId = request.getAttribute(RequestIds.ATTRIBUTE);
        // class only: a database message may quote the values of a row
        log.warn("Refused as unavailable: the audit trail did not record this read ({}, request {})",
                gate.refusal().getClass().getName(), requestId);
        if (response.isCommitted()) {
            // cannot happen while the gate holds every byte; say so rather than pretend
            log.error("A refused answer was already committed (request {})", requestId);
            return;
        }
        response.reset();
        // reset also cleared what the security filters had set
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (requestId != null) {
            response.setHeader(RequestIds.HEADER, requestId.toString());
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/fhir+json;charset=UTF-8");
        response.setContentLength(UNAVAILABLE.length);
        response.getOutputStream().write(UNAVAILABLE);
    }
}
