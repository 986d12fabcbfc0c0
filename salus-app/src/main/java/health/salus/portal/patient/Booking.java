package health.salus.portal.patient;

import health.salus.web.DisplayText;
import health.salus.portal.record.PeopleAndPlaces;
import health.salus.scheduling.availability.AvailabilityStore;
import health.salus.scheduling.availability.FreeSlot;
import health.salus.scheduling.availability.PractitionerCalendar;
import health.salus.scheduling.availability.SlotQuery;
import health.salus.scheduling.availability.SlotSearch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a patient can book: the providers with working hours in the coming weeks, and a provider's free
 * times from a day on (a routine, in-person visit; the clinic books other kinds).
 */
@Component
class Booking {

    static final String VISIT_TYPE = "ROUTINE";
    static final String VISIT_MODE = "in-person";
    private static final Duration WINDOW = Duration.ofDays(14);
    private static final int MAX_SLOTS = 12;

    private final AvailabilityStore availability;
    private final SlotSearch slots;
    private final PeopleAndPlaces names;
    private final Clock clock;

    Booking(AvailabilityStore availability, SlotSearch slots, PeopleAndPlaces names, Clock clock) {
        this.availability = availability;
        this.slots = slots;
        this.names = names;
        this.clock = clock;
    }

    record Option(String id, String label) {
    }

    /** A free time as the patient reads it, and what the booking form sends back. */
    record Slot(String practitionerId, String locationId, String start, String when, String location) {
    }

    List<Option> providers() {
        Instant now = clock.instant();
        return availability.calendars(new SlotQuery(Optional.empty(), Optional.empty(), Optional.empty(), now,
                        now.plus(WINDOW))).stream().map(PractitionerCalendar::practitionerId).distinct()
                .map(id -> new Option(id, names.nameOf("Practitioner/" + id).orElse("")))
                .filter(option -> !option.label().isBlank())
                .sorted(Comparator.comparing(Option::label, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    List<Slot> freeTimes(String practitionerId, LocalDate from, ZoneId zone, Locale locale) {
        Instant start = from.atStartOfDay(zone).toInstant();
        List<FreeSlot> found = slots.find(new SlotQuery(Optional.of(practitionerId), Optional.empty(), Optional.empty(),
                start, start.plus(WINDOW)), VISIT_TYPE, MAX_SLOTS);
        return found.stream().map(slot -> new Slot(slot.practitionerId(), slot.locationId(),
                slot.start().atOffset(ZoneOffset.UTC).toString(), DisplayText.fullDateTime(slot.start(), zone, locale),
                names.nameOf("Location/" + slot.locationId()).orElse(""))).toList();
    }

    LocalDate today(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }
}
