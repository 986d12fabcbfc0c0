package health.salus.fhir.rest;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import health.salus.fhir.VersionTag;
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
        return Optional.of(VersionTag.parse(header));
    }

    static Optional<String> ifNoneExist(RequestDetails request) {
        return Optional.ofNullable(request.getHeader("If-None-Exist")).filter(value -> !value.isBlank());
    }
}
