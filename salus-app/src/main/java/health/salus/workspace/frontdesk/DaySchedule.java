package health.salus.workspace.frontdesk;

import health.salus.web.DisplayText;

import health.salus.fhir.ResourceStore;
import health.salus.fhir.SearchRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentParticipantComponent;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.springframework.stereotype.Component;

/**
 * One day's appointments at a site or of a provider, searched through the store as the signed-in user
 * (so the policy filters and masks them, and the search is audited), with the names a desk reads.
 */
@Component
class DaySchedule {

    private static final int MAX_ROWS = 200;

    private final ResourceStore store;
    private final Directory directory;

    DaySchedule(ResourceStore store, Directory directory) {
        this.store = store;
        this.directory = directory;
    }

    /** One line of the schedule; times already in the page's zone and language. */
    record Row(String appointmentId, String start, String end, String patientId, String patient,
            String practitioner, String location, String status, boolean canCheckIn) {
    }

    List<Row> rows(LocalDate day, ZoneId zone, Optional<String> locationId, Optional<String> practitionerId,
            Locale locale) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, List<String>> parameters = new HashMap<>(Map.of("date", List.of("ge" + from, "lt" + to),
                "_sort", List.of("date"), "_count", List.of(String.valueOf(MAX_ROWS))));
        locationId.ifPresent(id -> parameters.put("location", List.of("Location/" + id)));
        practitionerId.ifPresent(id -> parameters.put("practitioner", List.of("Practitioner/" + id)));
        return store.search(new SearchRequest("Appointment", parameters)).matches().stream()
                .map(resource -> row((Appointment) resource, zone, locale)).toList();
    }

    Row row(Appointment appointment, ZoneId zone, Locale locale) {
        String patientId = actor(appointment, "Patient").orElse("");
        return new Row(Directory.id(appointment),
                DisplayText.time(appointment.getStart().toInstant(), zone, locale),
                DisplayText.time(appointment.getEnd().toInstant(), zone, locale),
                patientId,
                patientId.isEmpty() ? "" : directory.patient(patientId),
                actor(appointment, "Practitioner").map(directory::practitioner).orElse(""),
                actor(appointment, "Location").map(directory::location).orElse(""),
                appointment.getStatus().toCode(),
                appointment.getStatus() == AppointmentStatus.BOOKED);
    }

    static Optional<String> actor(Appointment appointment, String type) {
        return appointment.getParticipant().stream().map(AppointmentParticipantComponent::getActor)
                .map(reference -> reference.getReference())
                .filter(reference -> reference != null && reference.startsWith(type + "/"))
                .map(reference -> reference.substring(type.length() + 1)).findFirst();
    }
}
