package health.salus.scheduling;

import java.time.Instant;

/**
 * The patient confirmed they will come to the appointment at {@code start} (from a reminder's link or a
 * text reply, {@code via} link or sms). The FHIR status stays booked. Ids and codes only.
 */
public record AppointmentConfirmed(String appointmentId, String patientId, Instant start, String via) {
}
