package health.salus.fhir;

import java.time.Instant;
import java.util.Optional;

/**
 * History of the whole system, one type, or one resource, newest first. {@code since} keeps versions
 * made at or after it; {@code at} keeps the versions that were current at some moment of a period.
 */
public record HistoryRequest(Optional<String> resourceType, Optional<String> id, Optional<Instant> since,
        Optional<Period> at, int offset, int count) {

    /** An inclusive period; an instant is a period whose start and end are equal. */
    public record Period(Instant start, Instant end) {
    }
}
