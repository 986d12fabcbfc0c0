package health.salus.scheduling;

/**
 * An appointment's no-show risk reached the configured threshold; a coordinator call task was
 * created. Ids and the probability only (the outbox is plaintext).
 *
 * <p>The reminders (scheduling.reminders) answer it with one extra reminder over the patient's preferred
 * channel, three days before the visit or at once if that is past.
 */
public record HighNoShowRiskDetected(String appointmentId, String patientId, double probability, long modelVersion) {
}
