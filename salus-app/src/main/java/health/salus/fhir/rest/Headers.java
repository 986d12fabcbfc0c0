package health.salus.fhir.rest;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.Optional;

/** Reads the conditional-request headers. */
final class Headers {

    private Headers() {
    }

    /** The version an {@code If-Match: W/"3"} header demands. */
    static Optional<Long> ifMatchVersion(RequestDetails request) {
        String header = request.getHeader("If-Match");
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String digits = header.replace("W/", "").replace("\"", "").trim();
        try {
            return Optional.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("If-Match takes a version ETag such as W/\"3\"");
        }
    }

    static Optional<String> ifNoneExist(RequestDetails request) {
        return Optional.ofNullable(request.getHeader("If-None-Exist")).filter(value -> !value.isBlank());
    }
}
