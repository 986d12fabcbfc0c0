package health.salus.messaging.delivery;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import health.salus.crypto.PatientDataCipher;
import health.salus.messaging.Channel;
import health.salus.messaging.ContactPreferences;
import health.salus.messaging.DeliveryStatus;
import health.salus.messaging.NotificationRequest;
import health.salus.messaging.Notifications;
import health.salus.messaging.delivery.NotificationRows.Delivery;
import health.salus.messaging.delivery.NotificationRows.Notification;
import health.salus.messaging.templates.MessageTemplates;
import health.salus.platform.InvalidFieldsException;
import health.salus.platform.InvalidFieldsException.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues notifications: one row per request (its idempotency key unique in the database), one delivery
 * per channel, and a delivery job for each, all in the caller's transaction. A delivery due in the
 * patient's quiet hours is HELD and its job set for the end of them; the job checks again when it runs,
 * since preferences may have changed in between.
 */
@Service
class NotificationService implements Notifications {

    /** Filled from the Patient at delivery when the caller leaves it out. */
    private static final Set<String> OPTIONAL_VARIABLES = Set.of("givenName");

    private final NotificationRows rows;
    private final PreferenceRows preferences;
    private final MessageTemplates templates;
    private final PatientDataCipher cipher;
    private final SchedulerClient scheduler;
    private final Clock clock;

    NotificationService(NotificationRows rows, PreferenceRows preferences, MessageTemplates templates,
            PatientDataCipher cipher, SchedulerClient scheduler, Clock clock) {
        this.rows = rows;
        this.preferences = preferences;
        this.templates = templates;
        this.cipher = cipher;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    @Transactional
    public String send(NotificationRequest request) {
        validate(request);
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        Notification notification = new Notification(id, request.patientId(), request.templateKey(),
                cipher.encrypt(Optional.of(request.patientId()), MessageBody.variables(request.variables())),
                now, request.notBefore(), Optional.empty());
        if (!rows.insertIfNew(notification, request.idempotencyKey())) {
            return rows.idForKey(request.idempotencyKey()).orElseThrow();
        }
        Instant due = request.notBefore().filter(now::isBefore).orElse(now);
        Optional<ContactPreferences> prefs = preferences.of(request.patientId());
        List<Optional<Channel>> channels = new ArrayList<>();
        if (!request.channels().isEmpty()) {
            request.channels().stream().sorted().forEach(channel -> channels.add(Optional.of(channel)));
        } else {
            // without preferences the first attempt picks email or SMS from what the Patient holds
            channels.add(prefs.map(ContactPreferences::preferredChannel));
        }
        for (Optional<Channel> channel : channels) {
            Optional<Instant> heldUntil = channel.filter(c -> c != Channel.IN_APP)
                    .flatMap(c -> prefs.flatMap(DeliveryAttempts::quietHours)).flatMap(quiet -> quiet.heldUntil(due));
            Delivery delivery = new Delivery(UUID.randomUUID().toString(), id, channel,
                    heldUntil.isPresent() ? DeliveryStatus.HELD : DeliveryStatus.QUEUED, 0, Optional.empty(),
                    heldUntil.orElse(due), now, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
            rows.insert(delivery);
            DeliveryAttempts.schedule(scheduler, delivery.id(), "first", delivery.dueAt());
        }
        return id;
    }

    @Override
    @Transactional
    public void savePreferences(String patientId, ContactPreferences prefs) {
        List<FieldProblem> problems = new ArrayList<>();
        if (patientId == null || patientId.isBlank() || patientId.length() > 64) {
            problems.add(new FieldProblem("patientId", "A patient id is required"));
        }
        if (prefs.preferredChannel() == null) {
            problems.add(new FieldProblem("preferredChannel", "Choose a channel"));
        }
        if (prefs.language() == null || !prefs.language().matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            problems.add(new FieldProblem("language", "Use a language tag such as en or es"));
        }
        if (prefs.timeZone() == null) {
            problems.add(new FieldProblem("timeZone", "Choose a time zone"));
        }
        if (prefs.quietHoursStart().isPresent() != prefs.quietHoursEnd().isPresent()) {
            problems.add(new FieldProblem("quietHoursEnd", "Give both the start and the end of quiet hours, or neither"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        preferences.save(patientId, prefs, clock.instant());
    }

    @Override
    public Optional<ContactPreferences> preferencesOf(String patientId) {
        return preferences.of(patientId);
    }

    private void validate(NotificationRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.patientId() == null || request.patientId().isBlank() || request.patientId().length() > 64) {
            problems.add(new FieldProblem("patientId", "A patient id is required"));
        }
        if (request.idempotencyKey() == null || request.idempotencyKey().isBlank()
                || request.idempotencyKey().length() > 200) {
            problems.add(new FieldProblem("idempotencyKey", "An idempotency key of at most 200 characters is required"));
        }
        if (request.templateKey() == null || !templates.exists(request.templateKey())) {
            problems.add(new FieldProblem("templateKey", "No such message template"));
        } else {
            Set<String> missing = new TreeSet<>(templates.variables(request.templateKey()));
            missing.removeAll(request.variables().keySet());
            missing.removeAll(OPTIONAL_VARIABLES);
            missing.forEach(name -> problems.add(new FieldProblem("variables." + name, "This template needs it")));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
    }
}
