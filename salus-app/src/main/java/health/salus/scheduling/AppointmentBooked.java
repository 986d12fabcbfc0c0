package health.salus.scheduling;

import java.time.Instant;

/** An Appointment was booked (ids and times only: the outbox table is plaintext). */
public record AppointmentBooked(String appointmentId, String patientId, String practitionerId, String locationId,
        Instant start, Instant end) {
}
