package health.salus.scheduling.availability;

import health.salus.platform.InvalidFieldsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Free slots for a practitioner, a specialty or anyone at a site, soonest first, never in the past. */
@Service
public class SlotSearch {

    public static final Duration LONGEST_WINDOW = Duration.ofDays(62);

    private final AvailabilityStore store;
    private final Clock clock;

    SlotSearch(AvailabilityStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public List<FreeSlot> find(SlotQuery query, String appointmentType, int limit) {
        if (!query.to().isAfter(query.from())) {
            throw InvalidFieldsException.of("to", "The end of the range must be after its start");
        }
        if (Duration.between(query.from(), query.to()).compareTo(LONGEST_WINDOW) > 0) {
            throw InvalidFieldsException.of("to", "Search at most 62 days at a time");
        }
        Optional<Integer> typeMinutes = store.typeMinutes(appointmentType)
                .orElseThrow(() -> InvalidFieldsException.of("appointmentType", "Unknown appointment type"));
        Instant now = clock.instant();
        if (!query.to().isAfter(now)) {
            return List.of();
        }
        Instant from = query.from().isAfter(now) ? query.from() : now;
        List<FreeSlot> slots = new ArrayList<>();
        Optional<Instant> cutoff = Optional.empty();
        for (PractitionerCalendar calendar : store.calendars(query)) {
            int minutes = typeMinutes.orElse(calendar.defaultMinutes());
            // once `limit` slots are known, later practitioners need only offer times up to the last of them
            Instant to = cutoff.map(last -> last.plus(Duration.ofMinutes(minutes))).filter(query.to()::isAfter)
                    .orElse(query.to());
            slots.addAll(SlotFinder.freeSlots(calendar, from, to, minutes, query.locationId(), limit));
            if (slots.size() >= limit) {
                soonestFirst(slots, limit);
                cutoff = Optional.of(slots.get(limit - 1).start());
            }
        }
        soonestFirst(slots, limit);
        return slots;
    }

    private static void soonestFirst(List<FreeSlot> slots, int limit) {
        slots.sort(Comparator.comparing(FreeSlot::start).thenComparing(FreeSlot::practitionerId));
        if (slots.size() > limit) {
            slots.subList(limit, slots.size()).clear();
        }
    }
}
