package health.salus.messaging.delivery;

import health.salus.messaging.Channel;
import health.salus.messaging.NotificationRequest;
import health.salus.messaging.Notifications;
import health.salus.security.PasswordResetMail;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Delivers security's password-reset links by email only (a link in a text message is too easy to
 * read over a shoulder), through the same queue as every notification, so the link is stored
 * encrypted and retried like any other message.
 */
@Component
class PasswordResetEmails implements PasswordResetMail {

    static final String TEMPLATE = "password-reset";

    private final Notifications notifications;
    private final Recipients recipients;

    PasswordResetEmails(Notifications notifications, Recipients recipients) {
        this.notifications = notifications;
        this.recipients = recipients;
    }

    @Override
    public List<String> patientsWithEmail(String email) {
        return recipients.patientsWithEmail(email);
    }

    @Override
    public void send(String patientId, String resetLink, String idempotencyKey) {
        notifications.send(new NotificationRequest(patientId, TEMPLATE, Map.of("resetLink", resetLink),
                idempotencyKey, Set.of(Channel.EMAIL), Optional.empty()));
    }
}
