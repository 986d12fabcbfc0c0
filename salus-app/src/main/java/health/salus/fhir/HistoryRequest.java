package health.salus.fhir;

import java.time.Instant;
import java.util.Optional;

/** History of the whole system, one type, or one resource, newest first. */
public record HistoryRequest(Optional<String> resourceType, Optional<String> id, Optional<Instant> since,
        Optional<Instant> at, int offset, int count) {
}
