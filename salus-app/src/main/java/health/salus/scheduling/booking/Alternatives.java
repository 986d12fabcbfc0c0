package health.salus.scheduling.booking;

import health.salus.scheduling.availability.AvailabilityStore;
import health.salus.scheduling.availability.FreeSlot;
import health.salus.scheduling.availability.SlotFinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The free slots nearest a time that was taken: same practitioner, site and visit length, within two weeks. */
@Component
class Alternatives {

    static final int COUNT = 3;

    private final AvailabilityStore availability;
    private final Clock clock;

    Alternatives(AvailabilityStore availability, Clock clock) {
        this.availability = availability;
        this.clock = clock;
    }

    List<FreeSlot> near(Booking wanted) {
        Instant now = clock.instant();
        Instant from = wanted.start().minus(Duration.ofDays(7)).isAfter(now) ? wanted.start().minus(Duration.ofDays(7))
                : now;
        Instant to = wanted.start().plus(Duration.ofDays(14));
        return availability.calendar(wanted.practitionerId(), from, to)
                .map(calendar -> SlotFinder.freeSlots(calendar, from, to, wanted.minutes(),
                        Optional.of(wanted.locationId()), 2_000))
                .orElse(List.of()).stream()
                // the competing booking may not have committed yet where the database answers early
                .filter(slot -> !slot.start().equals(wanted.start()))
                .sorted(Comparator.comparing(slot -> Duration.between(slot.start(), wanted.start()).abs()))
                .limit(COUNT).sorted(Comparator.comparing(FreeSlot::start)).toList();
    }
}
