package health.salus.scheduling.reminders;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps an appointment's reminder jobs in line with its start: made at booking (those whose time is
 * still ahead), remade for the new start when it moves, removed when it is cancelled. A job already
 * running cannot be withdrawn; it finds the appointment changed and sends nothing, which is also why
 * events handled out of order do no harm.
 */
@Component
public class ReminderSchedule {

    private static final Logger log = LoggerFactory.getLogger(ReminderSchedule.class);

    private final SchedulerClient scheduler;
    private final Clock clock;

    ReminderSchedule(SchedulerClient scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    void schedule(String appointmentId, Instant start) {
        Instant now = clock.instant();
        for (ReminderKind kind : ReminderKind.STANDARD) {
            Instant due = kind.dueFor(start);
            if (due.isAfter(now)) {
                scheduler.scheduleIfNotExists(new ReminderJob(appointmentId, kind, start).scheduledTo(due));
            }
        }
    }

    /** The high-risk extra reminder: three days ahead, or at once when that is past. */
    void scheduleExtra(String appointmentId, Instant start) {
        Instant now = clock.instant();
        if (start.isAfter(now)) {
            Instant due = ReminderKind.EXTRA.dueFor(start);
            scheduler.scheduleIfNotExists(new ReminderJob(appointmentId, ReminderKind.EXTRA, start)
                    .scheduledTo(due.isAfter(now) ? due : now));
        }
    }

    void move(String appointmentId, Instant previousStart, Instant start) {
        boolean extra = when(new ReminderJob(appointmentId, ReminderKind.EXTRA, previousStart)).isPresent();
        withdraw(appointmentId, previousStart);
        schedule(appointmentId, start);
        if (extra) {
            scheduleExtra(appointmentId, start);
        }
    }

    void withdraw(String appointmentId, Instant start) {
        for (ReminderKind kind : ReminderKind.values()) {
            ReminderJob job = new ReminderJob(appointmentId, kind, start);
            if (when(job).isPresent()) {
                try {
                    scheduler.cancel(job.instanceId());
                } catch (RuntimeException running) {
                    log.info("Appointment reminder {} is running; it will find the appointment changed",
                            job.kind().code());
                }
            }
        }
    }

    /** When this reminder is due, if it is scheduled and not yet done. */
    public Optional<Instant> when(ReminderJob job) {
        return scheduler.getScheduledExecution(job.instanceId()).map(execution -> execution.getExecutionTime());
    }
}
