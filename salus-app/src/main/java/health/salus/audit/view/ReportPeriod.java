package health.salus.audit.view;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The time window of a report, from {@code from} (inclusive) to {@code to} (inclusive, a whole day
 * when given as a date). Dates are UTC days. Without {@code from}: the last {@code defaultDays}.
 */
public record ReportPeriod(Instant from, Instant before) {

    public static ReportPeriod parse(String from, String to, int defaultDays, Clock clock) {
        Instant end = to == null || to.isBlank() ? clock.instant().plusSeconds(1) : bound(to, "to", true);
        Instant start = from == null || from.isBlank() ? end.minus(Duration.ofDays(defaultDays))
                : bound(from, "from", false);
        if (!start.isBefore(end)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must be before to");
        }
        return new ReportPeriod(start, end);
    }

    private static Instant bound(String value, String name, boolean end) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    name + ": a date (2026-12-02) or an instant (2026-12-02T10:00:00Z)");
        }
    }
}
