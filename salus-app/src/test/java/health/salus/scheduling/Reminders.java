package health.salus.scheduling;

import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import health.salus.scheduling.reminders.ReminderJob;
import health.salus.scheduling.reminders.ReminderKind;
import health.salus.scheduling.reminders.ReminderSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reminder jobs as the tests see them: waiting for the booking's listener, firing a job now, and counting what it queued. */
final class Reminders {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ReminderSchedule schedule;
    private final SchedulerClient scheduler;
    private final JdbcClient jdbc;

    Reminders(ReminderSchedule schedule, SchedulerClient scheduler, JdbcClient jdbc) {
        this.schedule = schedule;
        this.scheduler = scheduler;
        this.jdbc = jdbc;
    }

    static ReminderJob job(String appointmentId, ReminderKind kind, Instant start) {
        return new ReminderJob(appointmentId, kind, start);
    }

    Optional<Instant> when(ReminderJob job) {
        return schedule.when(job);
    }

    /** Waits for the booking's listener to have scheduled the job; returns when it is due. */
    Instant awaitScheduled(ReminderJob job) {
        return await().atMost(PATIENCE).until(() -> schedule.when(job), Optional::isPresent).orElseThrow();
    }

    /** Makes the job due now (scheduling it if it is not there) and waits until a node has run it. */
    void fireNow(ReminderJob job) {
        if (schedule.when(job).isPresent()) {
            scheduler.reschedule(job.instanceId(), Instant.now());
        } else {
            scheduler.scheduleIfNotExists(job.scheduledTo(Instant.now()));
        }
        await().atMost(PATIENCE).until(() -> schedule.when(job).isEmpty());
    }

    /** Messages messaging queued for this reminder (its idempotency key names appointment, kind and start). */
    int notificationsFor(ReminderJob job) {
        return jdbc.sql("select count(*) from messaging_notification where idempotency_key = ?")
                .param("appointment-reminder:" + job.id()).query(Integer.class).single();
    }

    /** Whether the reminder's message has been handed to the mail server or SMS gateway. */
    boolean sent(ReminderJob job) {
        return jdbc.sql("select count(*) from scheduling_reminder_sent r join messaging_delivery d on "
                        + "d.notification_id = r.notification_id where r.appointment_id = ? and r.kind = ? "
                        + "and d.sent_at is not null").params(job.appointmentId(), job.kind().code())
                .query(Integer.class).single() > 0;
    }

    static String mobile() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("(%03d) %03d-%04d", 200 + random.nextInt(700), 200 + random.nextInt(700),
                random.nextInt(10000));
    }

    static String e164(String phone) {
        return "+1" + phone.replaceAll("[^0-9]", "");
    }
}
