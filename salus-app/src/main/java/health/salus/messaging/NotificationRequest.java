package health.salus.messaging;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One message to one patient, by template. {@code variables} fill the template and must hold no
 * clinical detail (a first name, a time, a link). {@code idempotencyKey} makes a repeat of the same
 * request a no-op (e.g. {@code "welcome:" + patientId}). {@code channels} empty means the patient's
 * preferred channel; {@code notBefore} empty means now (quiet hours may still hold it).
 */
public record NotificationRequest(
        String patientId,
        String templateKey,
        Map<String, String> variables,
        String idempotencyKey,
        Set<Channel> channels,
        Optional<Instant> notBefore) {

    public NotificationRequest {
        variables = Map.copyOf(variables);
        channels = Set.copyOf(channels);
    }

    public static NotificationRequest of(String patientId, String templateKey, Map<String, String> variables,
            String idempotencyKey) {
        return new NotificationRequest(patientId, templateKey, variables, idempotencyKey, Set.of(), Optional.empty());
    }
}
