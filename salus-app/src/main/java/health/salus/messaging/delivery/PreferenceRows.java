package health.salus.messaging.delivery;

import health.salus.messaging.Channel;
import health.salus.messaging.ContactPreferences;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Contact preferences: a channel code, a language tag, a zone id and two local times per patient. */
@Repository
class PreferenceRows {

    private final JdbcClient jdbc;

    PreferenceRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ContactPreferences> of(String patientId) {
        return jdbc.sql("select preferred_channel, language, time_zone, quiet_hours_start, quiet_hours_end "
                        + "from messaging_contact_preferences where patient_id = ?")
                .param(patientId)
                .query((rs, row) -> new ContactPreferences(Channel.valueOf(rs.getString(1)), rs.getString(2),
                        ZoneId.of(rs.getString(3)), Optional.ofNullable(rs.getObject(4, LocalTime.class)),
                        Optional.ofNullable(rs.getObject(5, LocalTime.class))))
                .optional();
    }

    /** Update, else insert: a patient's preferences are saved by them or the front desk, one at a time. */
    void save(String patientId, ContactPreferences p, Instant now) {
        Object[] values = {p.preferredChannel().name(), p.language(), p.timeZone().getId(),
            p.quietHoursStart().orElse(null), p.quietHoursEnd().orElse(null), NotificationRows.utc(now), patientId};
        int updated = jdbc.sql("update messaging_contact_preferences set preferred_channel = ?, language = ?, "
                + "time_zone = ?, quiet_hours_start = ?, quiet_hours_end = ?, updated_at = ? where patient_id = ?")
                .params(values).update();
        if (updated == 0) {
            jdbc.sql("insert into messaging_contact_preferences (preferred_channel, language, time_zone, "
                    + "quiet_hours_start, quiet_hours_end, updated_at, patient_id) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(values).update();
        }
    }
}
