package health.salus.scheduling;

/**
 * An appointment's no-show risk reached the configured threshold; a coordinator call task was
 * created. Ids and the probability only (the outbox is plaintext).
 *
 * <p>TODO(messaging): a listener in the messaging module should send one extra reminder for this
 * appointment (respecting the patient's channel preference and quiet hours) when it arrives.
 */
public record HighNoShowRiskDetected(String appointmentId, String patientId, double probability, long modelVersion) {
}
