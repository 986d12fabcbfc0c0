package health.salus.messaging.delivery;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import health.salus.crypto.PatientDataCipher;
import health.salus.crypto.PatientDataCipher.Ciphertext;
import health.salus.messaging.Channel;
import health.salus.messaging.ContactPreferences;
import health.salus.messaging.DeliveryStatus;
import health.salus.messaging.delivery.NotificationRows.Delivery;
import health.salus.messaging.delivery.NotificationRows.Notification;
import health.salus.messaging.delivery.Recipients.Recipient;
import health.salus.messaging.email.EmailSender;
import health.salus.messaging.telephony.TelephonyGateway;
import health.salus.messaging.templates.MessageTemplates;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One attempt at one channel's delivery, run by the {@code messaging-delivery} job: read the patient,
 * hold for quiet hours, render, hand over, and record the outcome. A failure is retried after the
 * configured backoff by scheduling the next attempt as a new job instance; a permanent failure or the
 * last allowed attempt ends in FAILED. Logs name ids and error codes only.
 */
@Component
public class DeliveryAttempts {

    public static final TaskDescriptor<String> TASK = TaskDescriptor.of("messaging-delivery", String.class);
    private static final Logger log = LoggerFactory.getLogger(DeliveryAttempts.class);

    private final NotificationRows rows;
    private final PreferenceRows preferences;
    private final Recipients recipients;
    private final MessageTemplates templates;
    private final EmailSender email;
    private final TelephonyGateway gateway;
    private final PatientDataCipher cipher;
    private final SchedulerClient scheduler;
    private final TransactionTemplate transaction;
    private final MessagingProperties properties;
    private final Clock clock;

    DeliveryAttempts(NotificationRows rows, PreferenceRows preferences, Recipients recipients,
            MessageTemplates templates, EmailSender email, TelephonyGateway gateway, PatientDataCipher cipher,
            SchedulerClient scheduler, TransactionTemplate transaction, MessagingProperties properties, Clock clock) {
        this.rows = rows;
        this.preferences = preferences;
        this.recipients = recipients;
        this.templates = templates;
        this.email = email;
        this.gateway = gateway;
        this.cipher = cipher;
        this.scheduler = scheduler;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /** Schedules an attempt; inside a transaction it is stored with it (the scheduler's data source is transaction-aware). */
    static void schedule(SchedulerClient scheduler, String deliveryId, String attemptTag, Instant at) {
        scheduler.scheduleIfNotExists(TASK.instance(deliveryId + "/" + attemptTag).data(deliveryId).scheduledTo(at));
    }

    public void attempt(String deliveryId) {
        Optional<Delivery> found = rows.delivery(deliveryId);
        if (found.isEmpty() || found.get().status().isFinal()) {
            return;
        }
        Delivery delivery = found.get();
        Notification notification = rows.notification(delivery.notificationId()).orElseThrow();
        Optional<String> patient = Optional.of(notification.patientId());
        Instant now = clock.instant();
        Optional<Recipient> recipient = recipients.find(notification.patientId());
        if (recipient.isEmpty()) {
            giveUp(delivery, delivery.channel(), "recipient-not-found", now);
            return;
        }
        ContactPreferences prefs = preferences.of(notification.patientId())
                .orElseGet(() -> defaults(recipient.get()));
        Channel channel = delivery.channel().orElse(prefs.preferredChannel());
        // in-app waits quietly in the list; only what rings or buzzes is held
        Optional<Instant> quietUntil = channel == Channel.IN_APP ? Optional.empty() : quietHours(prefs)
                .flatMap(quiet -> quiet.heldUntil(now));
        if (quietUntil.isPresent()) {
            hold(delivery, channel, quietUntil.get(), now);
            return;
        }
        Map<String, String> variables = new java.util.HashMap<>(MessageBody.variables(
                cipher.decrypt(patient, notification.variables())));
        variables.putIfAbsent("givenName", recipient.get().givenName().orElse(""));
        MessageTemplates.Rendered rendered;
        try {
            rendered = templates.render(notification.templateKey(), prefs.language(), channel, variables);
        } catch (IllegalArgumentException e) {
            giveUp(delivery, Optional.of(channel), "template-error", now);
            return;
        }
        MessageBody body = new MessageBody(rendered.subject(), rendered.text());
        Ciphertext sealed = cipher.encrypt(patient, body.bytes());
        try {
            String reference = handOver(channel, recipient.get(), body, rendered.language());
            save(new Delivery(delivery.id(), delivery.notificationId(), Optional.of(channel), DeliveryStatus.SENT,
                    delivery.attempts() + 1, Optional.empty(), delivery.dueAt(), now, Optional.of(now),
                    Optional.of(reference), Optional.of(rendered.language()), Optional.of(sealed)), Optional.empty());
        } catch (HandOverFailure failure) {
            int attempts = delivery.attempts() + 1;
            boolean last = failure.permanent() || attempts >= properties.retry().maxAttempts();
            // the backoff counts from the failure, not from the start of a slow attempt
            Instant failedAt = clock.instant();
            Instant next = failedAt.plus(properties.retry().after(attempts));
            log.info("Notification delivery {} attempt {} failed: {}{}", delivery.id(), attempts, failure.code(),
                    last ? " (giving up)" : ", next attempt at " + next);
            save(new Delivery(delivery.id(), delivery.notificationId(), Optional.of(channel),
                    last ? DeliveryStatus.FAILED : DeliveryStatus.QUEUED, attempts, Optional.of(failure.code()),
                    last ? delivery.dueAt() : next, failedAt, Optional.empty(), Optional.empty(),
                    Optional.of(rendered.language()), Optional.of(sealed)),
                    last ? Optional.empty() : Optional.of(next));
        }
    }

    private String handOver(Channel channel, Recipient recipient, MessageBody body, String language)
            throws HandOverFailure {
        return switch (channel) {
            case EMAIL -> email.send(recipient.email().orElseThrow(() -> new HandOverFailure("no-email-address", true)),
                    body.subject().orElse(""), body.text(), language);
            case SMS, VOICE -> gateway.send(channel,
                    recipient.mobile().orElseThrow(() -> new HandOverFailure("no-mobile-number", true)), body.text());
            case IN_APP -> "in-app";
        };
    }

    private ContactPreferences defaults(Recipient recipient) {
        Channel channel = recipient.email().isPresent() ? Channel.EMAIL
                : recipient.mobile().isPresent() ? Channel.SMS : Channel.IN_APP;
        return new ContactPreferences(channel, recipient.language().orElse(MessageTemplates.FALLBACK_LANGUAGE),
                properties.defaultTimeZone(), Optional.empty(), Optional.empty());
    }

    static Optional<QuietHours> quietHours(ContactPreferences prefs) {
        return prefs.quietHoursStart().flatMap(start -> prefs.quietHoursEnd()
                .map(end -> new QuietHours(start, end, prefs.timeZone())));
    }

    private void hold(Delivery delivery, Channel channel, Instant until, Instant now) {
        save(new Delivery(delivery.id(), delivery.notificationId(), Optional.of(channel), DeliveryStatus.HELD,
                delivery.attempts(), delivery.lastError(), until, now, Optional.empty(), Optional.empty(),
                delivery.language(), delivery.body()), Optional.of(until));
    }

    private void giveUp(Delivery delivery, Optional<Channel> channel, String code, Instant now) {
        log.info("Notification delivery {} failed for good: {}", delivery.id(), code);
        save(new Delivery(delivery.id(), delivery.notificationId(), channel.or(delivery::channel),
                DeliveryStatus.FAILED, delivery.attempts() + 1, Optional.of(code), delivery.dueAt(), now,
                Optional.empty(), Optional.empty(), delivery.language(), delivery.body()), Optional.empty());
    }

    /** The new state and the next attempt, if any, commit together. */
    private void save(Delivery delivery, Optional<Instant> nextAttempt) {
        transaction.executeWithoutResult(status -> {
            rows.update(delivery);
            nextAttempt.ifPresent(at -> schedule(scheduler, delivery.id(), delivery.status().name().toLowerCase(
                    java.util.Locale.ROOT) + "-" + delivery.attempts() + "-" + at.toEpochMilli(), at));
        });
    }
}
