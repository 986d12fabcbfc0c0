package health.salus.workspace.frontdesk;

import health.salus.scheduling.availability.AvailabilityStore;
import health.salus.scheduling.availability.PractitionerCalendar;
import health.salus.scheduling.availability.SlotQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What a desk can book: the practitioners with working hours (at a site), and the visit types. */
final class BookingOptions {

    /** HL7 v2 table 0276 codes scheduling knows, the first the default. */
    static final List<String> APPOINTMENT_TYPES = List.of("ROUTINE", "CHECKUP", "FOLLOWUP", "WALKIN", "EMERGENCY");
    /** FHIR appointment-cancellation-reason codes offered on the cancel form. */
    static final List<String> CANCELLATION_REASONS = List.of("pat", "pat-crs", "pat-cpp", "prov", "prov-pers",
            "maint", "oth-weath", "other");

    private BookingOptions() {
    }

    static List<Directory.Option> practitioners(AvailabilityStore availability, Directory directory,
            Optional<String> locationId, Clock clock) {
        Instant now = clock.instant();
        return availability.calendars(new SlotQuery(Optional.empty(), Optional.empty(), locationId, now,
                        now.plus(Duration.ofDays(1)))).stream()
                .map(PractitionerCalendar::practitionerId)
                .map(id -> new Directory.Option(id, directory.practitioner(id)))
                .sorted(Comparator.comparing(Directory.Option::label, String.CASE_INSENSITIVE_ORDER)).toList();
    }
}
