package health.salus.scheduling.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Free time computed on the fly: weekly working hours (local times turned into instants through
 * {@link ZonedDateTime}, so a daylight-saving day has the hours the clock on the wall shows) minus
 * breaks, minus closures, minus what is already reserved. Nothing is materialised: a four-week search
 * over fifty practitioners is a few thousand interval operations.
 */
public final class SlotFinder {

    /** The grid every booking is aligned to and the unit the database reserves. */
    public static final Duration CELL = Duration.ofMinutes(5);

    private SlotFinder() {
    }

    /** Working time at each of the practitioner's sites within [from, to), breaks and closures removed. */
    public static List<OpenTime> openTime(PractitionerCalendar calendar, Instant from, Instant to) {
        List<OpenTime> open = new ArrayList<>();
        List<Interval> ownAbsences = calendar.closures().getOrDefault(PractitionerCalendar.OWN_ABSENCES, List.of());
        Interval window = new Interval(from, to);
        calendar.zones().forEach((locationId, zone) -> {
            List<WeeklyRule> atSite = calendar.rules().stream().filter(r -> r.locationId().equals(locationId)).toList();
            if (atSite.isEmpty()) {
                return;
            }
            List<Interval> work = new ArrayList<>();
            List<Interval> cuts = new ArrayList<>(ownAbsences);
            cuts.addAll(calendar.closures().getOrDefault(locationId, List.of()));
            LocalDate last = to.atZone(zone).toLocalDate();
            for (LocalDate date = from.atZone(zone).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
                for (WeeklyRule rule : atSite) {
                    if (rule.day() == date.getDayOfWeek()) {
                        Interval local = local(date, rule, zone);
                        (rule.kind() == WeeklyRule.Kind.WORK ? work : cuts).add(local);
                    }
                }
            }
            for (Interval piece : Interval.subtract(work, cuts)) {
                if (piece.overlaps(window)) {
                    open.add(new OpenTime(locationId, new Interval(max(piece.start(), from), min(piece.end(), to))));
                }
            }
        });
        open.sort(Comparator.comparing(o -> o.interval().start()));
        return open;
    }

    /**
     * Starts for a visit of {@code minutes} whose visit lies in open time and whose visit plus buffer
     * touches no reservation; consecutive offers are a visit and a buffer apart.
     */
    public static List<FreeSlot> freeSlots(PractitionerCalendar calendar, Instant from, Instant to, int minutes,
            Optional<String> locationId, int limit) {
        Duration visit = Duration.ofMinutes(minutes);
        Duration blocked = visit.plusMinutes(calendar.bufferMinutes());
        List<Interval> reserved = calendar.reserved().stream().sorted(Comparator.comparing(Interval::start)).toList();
        List<FreeSlot> slots = new ArrayList<>();
        int next = 0;
        for (OpenTime open : openTime(calendar, from, to)) {
            if (locationId.isPresent() && !locationId.get().equals(open.locationId())) {
                continue;
            }
            Instant start = alignUp(open.interval().start());
            while (!start.plus(visit).isAfter(open.interval().end())) {
                while (next < reserved.size() && !reserved.get(next).end().isAfter(start)) {
                    next++;
                }
                Instant blockedUntil = start.plus(blocked);
                if (next < reserved.size() && reserved.get(next).start().isBefore(blockedUntil)) {
                    start = alignUp(reserved.get(next).end());
                    continue;
                }
                slots.add(new FreeSlot(calendar.practitionerId(), open.locationId(), start, start.plus(visit)));
                if (slots.size() >= limit) {
                    return slots;
                }
                start = blockedUntil;
            }
        }
        return slots;
    }

    /** Whether a visit lies wholly in the practitioner's open time at that site. */
    public static boolean isOpen(PractitionerCalendar calendar, String locationId, Interval visit) {
        return openTime(calendar, visit.start(), visit.end()).stream()
                .anyMatch(o -> o.locationId().equals(locationId) && o.interval().contains(visit));
    }

    public static boolean isAligned(Instant instant) {
        return instant.getEpochSecond() % CELL.toSeconds() == 0 && instant.getNano() == 0;
    }

    static Instant alignUp(Instant instant) {
        long cell = CELL.toSeconds();
        long seconds = instant.getEpochSecond() + (instant.getNano() > 0 ? 1 : 0);
        return Instant.ofEpochSecond(Math.floorDiv(seconds + cell - 1, cell) * cell);
    }

    private static Interval local(LocalDate date, WeeklyRule rule, ZoneId zone) {
        return new Interval(ZonedDateTime.of(date, rule.start(), zone).toInstant(),
                ZonedDateTime.of(date, rule.end(), zone).toInstant());
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Open time at one site. */
    public record OpenTime(String locationId, Interval interval) {
    }
}
