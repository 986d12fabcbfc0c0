package health.salus.workspace.coordinator;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import health.salus.fhir.ResourceStore;
import health.salus.scheduling.booking.AppointmentView;
import health.salus.scheduling.booking.Appointments;
import health.salus.web.DisplayText;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.springframework.stereotype.Component;

/**
 * A call as the list shows it: the patient's name and phone, the appointment's time and provider, read as
 * the signed-in user (an appointment or provider the policy keeps from them shows as blank, never as an error).
 */
@Component
class CallRows {

    private final ResourceStore store;
    private final Appointments appointments;

    CallRows(ResourceStore store, Appointments appointments) {
        this.store = store;
        this.appointments = appointments;
    }

    /** Times already in the reader's zone and language; {@code status} the appointment's FHIR status code. */
    record Row(String taskId, String patient, String phone, String appointmentTime, String due, String provider,
            String status, String risk, int attempts, String lastAttempt) {
    }

    Row row(ConfirmationCalls.CallTask call, ZoneId zone, Locale locale) {
        Patient patient = call.patient();
        Optional<AppointmentView> appointment = read(() -> appointments.read(call.appointmentId()));
        String provider = appointment.map(AppointmentView::practitioner).filter(id -> !id.isBlank())
                .flatMap(id -> read(() -> (Practitioner) store.read("Practitioner", id)))
                .map(p -> DisplayText.name(p.getNameFirstRep())).orElse("");
        return new Row(call.taskId(), DisplayText.name(patient.getNameFirstRep()), phone(patient).orElse(""),
                appointment.map(a -> DisplayText.fullDateTime(a.start(), zone, locale)).orElse(""),
                call.due().map(d -> DisplayText.dateTime(d, zone, locale)).orElse(""), provider,
                appointment.map(AppointmentView::status).orElse(""), call.description(), call.attempts(),
                call.lastAttempt().map(t -> DisplayText.dateTime(t, zone, locale)).orElse(""));
    }

    private static Optional<String> phone(Patient patient) {
        return patient.getTelecom().stream().filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE)
                .map(ContactPoint::getValue).filter(v -> v != null && !v.isBlank()).findFirst();
    }

    private static <T> Optional<T> read(java.util.function.Supplier<T> reading) {
        try {
            return Optional.of(reading.get());
        } catch (BaseServerResponseException unreadable) {
            return Optional.empty();
        }
    }
}
