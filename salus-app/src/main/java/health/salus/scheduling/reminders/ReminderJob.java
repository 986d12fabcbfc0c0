package health.salus.scheduling.reminders;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Instant;
import java.util.Optional;

/**
 * One reminder as a db-scheduler job instance. Its id is natural and names the appointment's start
 * ({@code <appointment id>/<kind>/<start epoch ms>}), so scheduling it twice is a no-op, a moved
 * appointment gets fresh instances, and the job knows which start it was made for. Ids only.
 */
public record ReminderJob(String appointmentId, ReminderKind kind, Instant appointmentStart) {

    public static final TaskDescriptor<String> TASK = TaskDescriptor.of("scheduling-appointment-reminder", String.class);

    public String id() {
        return appointmentId + "/" + kind.code() + "/" + appointmentStart.toEpochMilli();
    }

    public SchedulableInstance<String> scheduledTo(Instant at) {
        return TASK.instance(id()).data(id()).scheduledTo(at);
    }

    public TaskInstanceId instanceId() {
        return TASK.instanceId(id());
    }

    /** FHIR ids never hold a slash, so the id splits back unambiguously; anything else is empty. */
    public static Optional<ReminderJob> parse(String id) {
        String[] parts = id == null ? new String[0] : id.split("/");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return ReminderKind.ofCode(parts[1]).map(kind -> new ReminderJob(parts[0], kind,
                    Instant.ofEpochMilli(Long.parseLong(parts[2]))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
