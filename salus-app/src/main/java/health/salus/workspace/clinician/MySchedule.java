package health.salus.workspace.clinician;

import health.salus.web.DisplayText;

import health.salus.fhir.ResourceStore;
import health.salus.fhir.SearchRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentParticipantComponent;
import org.springframework.stereotype.Component;

/** A clinician's own appointments on one day, searched as them (so the policy decides and audits). */
@Component
class MySchedule {

    private static final int MAX_ROWS = 100;

    private final ResourceStore store;
    private final People people;

    MySchedule(ResourceStore store, People people) {
        this.store = store;
        this.people = people;
    }

    /** One visit; times already in the user's zone and language. */
    record Visit(String start, String end, String patientId, String patient, String type, String reason,
            String status) {
    }

    List<Visit> visits(String practitionerId, LocalDate day, ZoneId zone, Locale locale) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        return store.search(new SearchRequest("Appointment", Map.of(
                        "practitioner", List.of("Practitioner/" + practitionerId),
                        "date", List.of("ge" + from, "lt" + to), "_sort", List.of("date"),
                        "_count", List.of(String.valueOf(MAX_ROWS))))).matches().stream()
                .map(resource -> visit((Appointment) resource, zone, locale)).toList();
    }

    private Visit visit(Appointment appointment, ZoneId zone, Locale locale) {
        String patientId = appointment.getParticipant().stream().map(AppointmentParticipantComponent::getActor)
                .map(actor -> ClinicalText.idOf(actor, "Patient")).flatMap(java.util.Optional::stream)
                .findFirst().orElse("");
        return new Visit(appointment.hasStart() ? DisplayText.time(appointment.getStart().toInstant(), zone, locale) : "",
                appointment.hasEnd() ? DisplayText.time(appointment.getEnd().toInstant(), zone, locale) : "",
                patientId, patientId.isEmpty() ? "" : people.patientName(patientId),
                DisplayText.concept(appointment.getAppointmentType()),
                appointment.getReasonCode().stream().map(DisplayText::concept).filter(s -> !s.isEmpty())
                        .findFirst().orElse(""),
                appointment.hasStatus() ? appointment.getStatus().toCode() : "");
    }
}
