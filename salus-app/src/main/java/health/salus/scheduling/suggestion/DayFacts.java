package health.salus.scheduling.suggestion;

import health.salus.scheduling.availability.FreeSlot;
import health.salus.scheduling.availability.Interval;
import health.salus.scheduling.availability.PractitionerCalendar;
import health.salus.scheduling.availability.SlotFinder;
import health.salus.scheduling.suggestion.CandidateFacts.HardToRefill;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per practitioner, site and local day: how full the day is (reserved time, buffers included, over open
 * time) and when its open time ends, worked out once for all the day's candidate slots.
 */
final class DayFacts {

    private final Map<String, PractitionerCalendar> calendars;
    private final Duration refillNotice;
    private final Instant now;
    private final Map<String, Day> days = new HashMap<>();

    DayFacts(Map<String, PractitionerCalendar> calendars, Duration refillNotice, Instant now) {
        this.calendars = calendars;
        this.refillNotice = refillNotice;
        this.now = now;
    }

    CandidateFacts facts(FreeSlot slot, double earliness, Optional<Double> noShowRisk) {
        PractitionerCalendar calendar = calendars.get(slot.practitionerId());
        ZoneId zone = calendar.zones().get(slot.locationId());
        ZonedDateTime local = slot.start().atZone(zone);
        Day day = days.computeIfAbsent(slot.practitionerId() + "|" + slot.locationId() + "|" + local.toLocalDate(),
                key -> day(calendar, slot.locationId(), local.toLocalDate(), zone));
        return new CandidateFacts(slot, local.getDayOfWeek(), local.toLocalTime(), day.load(), earliness,
                noShowRisk, hardToRefill(slot, calendar, day));
    }

    /**
     * Short notice wins over last of the day when both hold. "Last" means no visit of the same length
     * (plus the buffer) would fit between this slot and the end of the day's open time.
     */
    private Optional<HardToRefill> hardToRefill(FreeSlot slot, PractitionerCalendar calendar, Day day) {
        if (slot.start().isBefore(now.plus(refillNotice))) {
            return Optional.of(HardToRefill.SHORT_NOTICE);
        }
        Duration visit = Duration.between(slot.start(), slot.end());
        Instant nextCouldEnd = slot.end().plus(Duration.ofMinutes(calendar.bufferMinutes())).plus(visit);
        return day.openUntil().filter(nextCouldEnd::isAfter).map(end -> HardToRefill.LAST_OF_DAY);
    }

    private static Day day(PractitionerCalendar calendar, String locationId, LocalDate date, ZoneId zone) {
        Instant dayStart = date.atStartOfDay(zone).toInstant();
        Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<Interval> open = SlotFinder.openTime(calendar, dayStart, dayEnd).stream()
                .filter(o -> o.locationId().equals(locationId)).map(SlotFinder.OpenTime::interval).toList();
        long capacity = 0;
        long reserved = 0;
        for (Interval piece : open) {
            capacity += Duration.between(piece.start(), piece.end()).toSeconds();
            for (Interval taken : calendar.reserved()) {
                reserved += overlapSeconds(piece, taken);
            }
        }
        Optional<Instant> openUntil = open.stream().map(Interval::end).max(Instant::compareTo);
        return new Day(capacity == 0 ? 1 : Math.min(1, (double) reserved / capacity), openUntil);
    }

    private static long overlapSeconds(Interval a, Interval b) {
        Instant start = a.start().isAfter(b.start()) ? a.start() : b.start();
        Instant end = a.end().isBefore(b.end()) ? a.end() : b.end();
        return end.isAfter(start) ? Duration.between(start, end).toSeconds() : 0;
    }

    /** @param load share of open time reserved, 0…1 */
    private record Day(double load, Optional<Instant> openUntil) {
    }
}
