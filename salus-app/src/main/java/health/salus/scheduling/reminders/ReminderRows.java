package health.salus.scheduling.reminders;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which notification reminded of which appointment, and which appointments the patient confirmed.
 * Inserts are "if absent" in plain SQL both databases run, without a failing statement that would
 * spoil a PostgreSQL transaction.
 */
@Repository
class ReminderRows {

    private final JdbcClient jdbc;

    ReminderRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void recordSent(String notificationId, ReminderJob job, Instant sentAt) {
        jdbc.sql("insert into scheduling_reminder_sent (notification_id, appointment_id, kind, appointment_start, "
                        + "sent_at) select ?, ?, ?, ?, ? where not exists (select 1 from scheduling_reminder_sent "
                        + "where notification_id = ?)")
                .params(notificationId, job.appointmentId(), job.kind().code(), utc(job.appointmentStart()),
                        utc(sentAt), notificationId)
                .update();
    }

    /** The reminder a notification was, if it was one. */
    Optional<ReminderJob> reminderOf(String notificationId) {
        return jdbc.sql("select appointment_id, kind, appointment_start from scheduling_reminder_sent "
                        + "where notification_id = ?").param(notificationId)
                .query((rs, n) -> {
                    String appointmentId = rs.getString(1);
                    Instant start = rs.getObject(3, OffsetDateTime.class).toInstant();
                    return ReminderKind.ofCode(rs.getString(2)).map(kind -> new ReminderJob(appointmentId, kind, start));
                })
                .optional().flatMap(found -> found);
    }

    /** @return false when this start of the appointment was already confirmed */
    boolean confirm(String appointmentId, Instant appointmentStart, String via, Instant at) {
        return jdbc.sql("insert into scheduling_appointment_confirmation (appointment_id, appointment_start, via, "
                        + "confirmed_at) select ?, ?, ?, ? where not exists (select 1 from "
                        + "scheduling_appointment_confirmation where appointment_id = ? and appointment_start = ?)")
                .params(appointmentId, utc(appointmentStart), via, utc(at), appointmentId, utc(appointmentStart))
                .update() == 1;
    }

    Optional<Instant> confirmedAt(String appointmentId, Instant appointmentStart) {
        return jdbc.sql("select confirmed_at from scheduling_appointment_confirmation where appointment_id = ? "
                        + "and appointment_start = ?").params(appointmentId, utc(appointmentStart))
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).optional();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
