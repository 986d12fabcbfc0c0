package health.salus.portal.record;

import health.salus.fhir.ResourceStore;
import health.salus.fhir.SearchRequest;
import health.salus.web.DisplayText;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.springframework.stereotype.Component;

/**
 * A patient's coming appointments, searched through the store as the signed-in person (the patient,
 * or a family member the patient shared appointments with), soonest first, with whom and where.
 */
@Component
public class UpcomingAppointments {

    private static final int MAX_ROWS = 50;
    /** Statuses of a visit that is still to happen. */
    private static final Set<AppointmentStatus> COMING = Set.of(AppointmentStatus.BOOKED, AppointmentStatus.PENDING,
            AppointmentStatus.PROPOSED, AppointmentStatus.ARRIVED, AppointmentStatus.CHECKEDIN);

    private final ResourceStore store;
    private final PeopleAndPlaces names;
    private final Clock clock;

    UpcomingAppointments(ResourceStore store, PeopleAndPlaces names, Clock clock) {
        this.store = store;
        this.names = names;
        this.clock = clock;
    }

    /** One visit as the patient reads it; {@code cancellable} when the patient may still cancel it. */
    public record Visit(String id, String when, String practitioner, String location, String status,
            boolean cancellable) {
    }

    public List<Visit> of(String patientId, ZoneId zone, Locale locale) {
        return store.search(new SearchRequest("Appointment", Map.of("patient", List.of("Patient/" + patientId),
                        "date", List.of("ge" + clock.instant()), "_sort", List.of("date"),
                        "_count", List.of(String.valueOf(MAX_ROWS))))).matches().stream()
                .map(Appointment.class::cast).filter(a -> COMING.contains(a.getStatus()))
                .map(a -> visit(a, zone, locale)).toList();
    }

    private Visit visit(Appointment appointment, ZoneId zone, Locale locale) {
        return new Visit(appointment.getIdElement().getIdPart(),
                DisplayText.fullDateTime(appointment.getStart().toInstant(), zone, locale),
                actor(appointment, "Practitioner").flatMap(names::nameOf).orElse(""),
                actor(appointment, "Location").flatMap(names::nameOf).orElse(""),
                appointment.getStatus().toCode(), appointment.getStatus() == AppointmentStatus.BOOKED);
    }

    /** The first participant of this type ({@code Practitioner/…}). */
    public static Optional<String> actor(Appointment appointment, String type) {
        return appointment.getParticipant().stream().map(p -> p.getActor().getReference())
                .filter(reference -> reference != null && reference.startsWith(type + "/")).findFirst();
    }
}
