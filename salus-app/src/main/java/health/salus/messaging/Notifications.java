package health.salus.messaging;

import java.util.Optional;

/** Sends messages to patients and keeps their contact preferences. */
public interface Notifications {

    /**
     * Queues the message durably (in the caller's transaction, if any) and returns at once; delivery,
     * retries and quiet-hour holds happen in the background. The same idempotency key returns the
     * first request's id and sends nothing more.
     */
    String send(NotificationRequest request);

    void savePreferences(String patientId, ContactPreferences preferences);

    Optional<ContactPreferences> preferencesOf(String patientId);
}
