package health.salus.messaging.delivery;

import health.salus.crypto.PatientDataCipher.Ciphertext;
import health.salus.messaging.Channel;
import health.salus.messaging.DeliveryStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notification and delivery tables: ids, codes, statuses, times and sealed bytes. */
@Repository
public class NotificationRows {

    private static final String DELIVERY_COLUMNS = "id, notification_id, channel, status, attempts, last_error, "
            + "due_at, updated_at, sent_at, gateway_ref, language, body_key_id, body";

    private final JdbcClient jdbc;
    private final boolean postgres;

    NotificationRows(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = isPostgres(dataSource);
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database this is", e);
        }
    }

    public record Notification(String id, String patientId, String templateKey, Ciphertext variables,
            Instant requestedAt, Optional<Instant> notBefore, Optional<Instant> readAt) {
    }

    public record Delivery(String id, String notificationId, Optional<Channel> channel, DeliveryStatus status,
            int attempts, Optional<String> lastError, Instant dueAt, Instant updatedAt, Optional<Instant> sentAt,
            Optional<String> gatewayRef, Optional<String> language, Optional<Ciphertext> body) {
    }

    /**
     * Inserts unless the idempotency key is taken; the unique constraint decides, not a prior look. On
     * PostgreSQL "on conflict do nothing", since a failed insert would abort the caller's transaction
     * (and a concurrent insert on another node waits for the first to commit, then does nothing). H2
     * has no such clause but survives a failed statement, so there the violation itself says "taken".
     */
    boolean insertIfNew(Notification n, String idempotencyKey) {
        String insert = "insert into messaging_notification (id, idempotency_key, patient_id, template_key, "
                + "variables_key_id, variables, requested_at, not_before) values (?, ?, ?, ?, ?, ?, ?, ?)";
        try {
            return jdbc.sql(postgres ? insert + " on conflict (idempotency_key) do nothing" : insert)
                    .params(n.id(), idempotencyKey, n.patientId(), n.templateKey(), n.variables().keyId(),
                            n.variables().bytes(), utc(n.requestedAt()),
                            n.notBefore().map(NotificationRows::utc).orElse(null))
                    .update() == 1;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    Optional<String> idForKey(String idempotencyKey) {
        return jdbc.sql("select id from messaging_notification where idempotency_key = ?").param(idempotencyKey)
                .query(String.class).optional();
    }

    void insert(Delivery d) {
        jdbc.sql("insert into messaging_delivery (id, notification_id, channel, status, attempts, due_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(d.id(), d.notificationId(), d.channel().map(Enum::name).orElse(null), d.status().name(),
                        d.attempts(), utc(d.dueAt()), utc(d.updatedAt()))
                .update();
    }

    /** Saves what an attempt changed; the body only once rendered. */
    void update(Delivery d) {
        jdbc.sql("update messaging_delivery set channel = ?, status = ?, attempts = ?, last_error = ?, due_at = ?, "
                        + "updated_at = ?, sent_at = ?, gateway_ref = ?, language = ?, body_key_id = ?, body = ? "
                        + "where id = ?")
                .params(d.channel().map(Enum::name).orElse(null), d.status().name(), d.attempts(),
                        d.lastError().orElse(null), utc(d.dueAt()), utc(d.updatedAt()),
                        d.sentAt().map(NotificationRows::utc).orElse(null), d.gatewayRef().orElse(null),
                        d.language().orElse(null), d.body().map(Ciphertext::keyId).orElse(null),
                        d.body().map(Ciphertext::bytes).orElse(null), d.id())
                .update();
    }

    public Optional<Notification> notification(String id) {
        return jdbc.sql("select * from messaging_notification where id = ?").param(id)
                .query(NotificationRows::notification).optional();
    }

    public List<Notification> ofPatient(String patientId, int limit) {
        return jdbc.sql("select * from messaging_notification where patient_id = ? order by requested_at desc, id "
                        + "limit " + limit)
                .param(patientId).query(NotificationRows::notification).list();
    }

    public Optional<Delivery> delivery(String id) {
        return jdbc.sql("select " + DELIVERY_COLUMNS + " from messaging_delivery where id = ?").param(id)
                .query(NotificationRows::delivery).optional();
    }

    public List<Delivery> deliveriesOf(String notificationId) {
        return jdbc.sql("select " + DELIVERY_COLUMNS + " from messaging_delivery where notification_id = ? "
                        + "order by channel").param(notificationId).query(NotificationRows::delivery).list();
    }

    /** The patient's most recent text message that reached the gateway: what a reply answers. */
    Optional<String> latestTextTo(String patientId) {
        return jdbc.sql("select n.id from messaging_notification n join messaging_delivery d on d.notification_id = n.id "
                        + "where n.patient_id = ? and d.channel = 'SMS' and d.sent_at is not null "
                        + "order by d.sent_at desc limit 1")
                .param(patientId).query(String.class).optional();
    }

    public boolean markRead(String notificationId, Instant at) {
        return jdbc.sql("update messaging_notification set read_at = ? where id = ? and read_at is null")
                .params(utc(at), notificationId).update() == 1;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    private static Notification notification(ResultSet rs, int row) throws SQLException {
        return new Notification(rs.getString("id"), rs.getString("patient_id"), rs.getString("template_key"),
                new Ciphertext(rs.getString("variables_key_id"), rs.getBytes("variables")),
                instant(rs, "requested_at").orElseThrow(), instant(rs, "not_before"), instant(rs, "read_at"));
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        Optional<String> bodyKey = Optional.ofNullable(rs.getString("body_key_id"));
        byte[] body = rs.getBytes("body");
        return new Delivery(rs.getString("id"), rs.getString("notification_id"),
                Optional.ofNullable(rs.getString("channel")).map(Channel::valueOf),
                DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                Optional.ofNullable(rs.getString("last_error")), instant(rs, "due_at").orElseThrow(),
                instant(rs, "updated_at").orElseThrow(), instant(rs, "sent_at"),
                Optional.ofNullable(rs.getString("gateway_ref")), Optional.ofNullable(rs.getString("language")),
                bodyKey.map(key -> new Ciphertext(key, body)));
    }
}
