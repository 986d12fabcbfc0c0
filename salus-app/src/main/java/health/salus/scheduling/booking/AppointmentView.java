package health.salus.scheduling.booking;

import java.time.Instant;
import java.util.Optional;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Coding;

/** The REST shape of an Appointment: ids, codes and times (the FHIR resource is at /fhir/Appointment/{id}). */
public record AppointmentView(String id, String identifier, String status, Instant start, Instant end,
        int minutesDuration, String appointmentType, String visitMode, String patient, String practitioner,
        String location, Optional<String> cancellationReason) {

    static AppointmentView of(Appointment appointment) {
        return new AppointmentView(appointment.getIdElement().getIdPart(),
                appointment.getIdentifierFirstRep().getValue(), appointment.getStatus().toCode(),
                appointment.getStart().toInstant(), appointment.getEnd().toInstant(),
                appointment.getMinutesDuration(), appointment.getAppointmentType().getCodingFirstRep().getCode(),
                AppointmentResources.visitMode(appointment), AppointmentResources.actor(appointment, "Patient"),
                AppointmentResources.actor(appointment, "Practitioner"),
                AppointmentResources.actor(appointment, "Location"),
                appointment.hasCancelationReason()
                        ? Optional.ofNullable(appointment.getCancelationReason().getCodingFirstRep())
                                .map(Coding::getCode)
                        : Optional.empty());
    }
}
