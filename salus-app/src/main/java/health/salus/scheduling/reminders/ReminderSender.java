package health.salus.scheduling.reminders;

import health.salus.messaging.NotificationRequest;
import health.salus.messaging.Notifications;
import health.salus.scheduling.booking.AppointmentView;
import health.salus.scheduling.reminders.ReminderLinks.Action;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a due reminder job does: re-read the appointment, skip it when it is no longer booked for the
 * start the job was made for (moved, cancelled, or already begun), else queue the message with messaging.
 * The idempotency key names appointment, kind and start, so a job run twice (a retry, a restart, a second
 * node) queues one message; the notification's id is kept with the appointment in the same transaction,
 * so a text reply can be matched to it. Logs name ids only.
 */
@Component
class ReminderSender {

    static final String TEMPLATE = "appointment-reminder";
    private static final Logger log = LoggerFactory.getLogger(ReminderSender.class);

    private final ReminderAppointments appointments;
    private final ReminderLinks links;
    private final Notifications notifications;
    private final ReminderRows rows;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ReminderSender(ReminderAppointments appointments, ReminderLinks links, Notifications notifications,
            ReminderRows rows, TransactionTemplate transaction, Clock clock) {
        this.appointments = appointments;
        this.links = links;
        this.notifications = notifications;
        this.rows = rows;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** @return the notification id, empty when the reminder no longer applies */
    Optional<String> fire(String jobId) {
        Optional<ReminderJob> parsed = ReminderJob.parse(jobId);
        if (parsed.isEmpty()) {
            log.warn("Appointment reminder job with an unreadable id skipped");
            return Optional.empty();
        }
        ReminderJob job = parsed.get();
        Optional<AppointmentView> appointment = appointments.current(job.appointmentId())
                .filter(current -> ReminderAppointments.stillBookedFor(current, job.appointmentStart()));
        Instant now = clock.instant();
        if (appointment.isEmpty() || !now.isBefore(job.appointmentStart())) {
            log.info("Appointment reminder skipped: appointment={} kind={} (no longer booked for that time)",
                    job.appointmentId(), job.kind().code());
            return Optional.empty();
        }
        ReminderAppointments.Wording wording = appointments.wording(appointment.get());
        NotificationRequest request = new NotificationRequest(appointment.get().patient(), TEMPLATE, Map.of(
                "date", wording.date(), "time", wording.time(), "clinic", wording.clinic(),
                "confirmLink", links.link(job.appointmentId(), job.appointmentStart(), Action.CONFIRM),
                "cancelLink", links.link(job.appointmentId(), job.appointmentStart(), Action.CANCEL)),
                "appointment-reminder:" + job.id(), job.kind().channel().map(Set::of).orElse(Set.of()),
                Optional.empty());
        String notificationId = transaction.execute(status -> {
            String id = notifications.send(request);
            rows.recordSent(id, job, now);
            return id;
        });
        log.info("Appointment reminder queued: appointment={} kind={} notification={}", job.appointmentId(),
                job.kind().code(), notificationId);
        return Optional.of(notificationId);
    }
}
