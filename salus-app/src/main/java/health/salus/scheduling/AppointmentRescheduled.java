package health.salus.scheduling;

import java.time.Instant;

/** An Appointment moved to a new time (reminders for the old time no longer apply). */
public record AppointmentRescheduled(String appointmentId, String patientId, String practitionerId,
        Instant previousStart, Instant start, Instant end) {
}
