package health.salus.messaging.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Quiet hours in the patient's own zone, e.g. 21:00–08:00 (spanning midnight) or 13:00–14:00. Worked
 * out on the local wall clock of the day in question, so a DST change moves the end instant with it:
 * quiet until 08:00 in New York ends at 12:00Z in summer (EDT) and at 13:00Z in winter (EST).
 * An end that falls into a DST gap (02:30 on a spring-forward day) is the first instant after the gap.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    /** When a message due at {@code due} may go: empty if now is not quiet, else the end of the quiet hours. */
    public Optional<Instant> heldUntil(Instant due) {
        if (start.equals(end)) {
            return Optional.empty();
        }
        ZonedDateTime local = due.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end) ? Optional.of(endOn(day)) : Optional.empty();
        }
        if (!time.isBefore(start)) {
            return Optional.of(endOn(day.plusDays(1)));
        }
        return time.isBefore(end) ? Optional.of(endOn(day)) : Optional.empty();
    }

    private Instant endOn(LocalDate day) {
        return ZonedDateTime.of(day, end, zone).toInstant();
    }
}
