package health.salus.scheduling;

import java.time.Instant;

/** An Appointment was cancelled and its time freed; {@code reasonCode} is a FHIR cancellation-reason code. */
public record AppointmentCancelled(String appointmentId, String patientId, String practitionerId,
        String locationId, Instant start, Instant end, String reasonCode) {
}
