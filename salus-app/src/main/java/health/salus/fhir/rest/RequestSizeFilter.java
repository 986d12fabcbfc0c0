package health.salus.fhir.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses request bodies over the configured size before anything reads them. */
final class RequestSizeFilter extends OncePerRequestFilter {

    private final long maxBytes;

    RequestSizeFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        boolean chunked = length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (length > maxBytes || chunked) {
            response.setStatus(chunked ? HttpServletResponse.SC_LENGTH_REQUIRED : 413);
            response.setContentType("application/fhir+json");
            String message = chunked ? "Send the request with a Content-Length header"
                    : "The request body is larger than the limit of " + maxBytes + " bytes";
            response.getWriter().write("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                    + "\"code\":\"too-costly\",\"diagnostics\":\"" + message + "\"}]}");
            return;
        }
        chain.doFilter(request, response);
    }
}
