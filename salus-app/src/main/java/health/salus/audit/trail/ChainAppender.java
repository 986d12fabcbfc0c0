package health.salus.audit.trail;

import health.salus.audit.AuditEntry;
import health.salus.audit.AuditRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends one batch to the chain inside the caller's transaction: locks the chain head (so every
 * node extends the same chain), numbers and hashes the records, inserts them in one JDBC batch,
 * signs a checkpoint when one is due, and moves the head.
 */
final class ChainAppender {

    private static final String INSERT = "insert into audit_entry (sequence, recorded_at, occurred_at, category, "
            + "action, outcome, actor_id, actor_roles, on_behalf_of, patient_id, resource_type, resource_ids, purpose, "
            + "client_ip, user_agent, request_id, detail, previous_hash, hash) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final CheckpointSigner signer;
    private final long checkpointEvery;
    private final Duration checkpointInterval;

    ChainAppender(CheckpointSigner signer, long checkpointEvery, Duration checkpointInterval) {
        this.signer = signer;
        this.checkpointEvery = checkpointEvery;
        this.checkpointInterval = checkpointInterval;
    }

    List<AuditEntry> append(Connection connection, List<AuditRecord> records, Instant now) throws SQLException {
        Head head = lockHead(connection);
        // a head that does not carry a valid signature stays unsigned: appending must not launder it
        boolean headTrusted = signer.headSigned(head.sequence, head.hash, head.mac);
        List<AuditEntry> entries = new ArrayList<>(records.size());
        long sequence = head.sequence;
        String previous = head.hash;
        Instant recordedAt = StoredForm.micros(now);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (AuditRecord raw : records) {
                AuditRecord record = StoredForm.of(raw, recordedAt);
                sequence++;
                String hash = ChainHashing.hash(previous, sequence, recordedAt, record);
                bind(insert, sequence, recordedAt, record, previous, hash);
                insert.addBatch();
                entries.add(new AuditEntry(sequence, record, previous, hash));
                previous = hash;
            }
            insert.executeBatch();
        }
        long checkpointSequence = head.checkpointSequence;
        Instant checkpointAt = head.checkpointAt;
        if (sequence - checkpointSequence >= checkpointEvery || sequence > checkpointSequence
                && (checkpointAt == null || !checkpointAt.plus(checkpointInterval).isAfter(recordedAt))) {
            checkpoint(connection, sequence, previous, recordedAt);
            checkpointSequence = sequence;
            checkpointAt = recordedAt;
        }
        try (PreparedStatement update = connection.prepareStatement("update audit_chain_head set last_sequence = ?, "
                + "last_hash = ?, last_checkpoint_sequence = ?, last_checkpoint_at = ?, mac = ? where id = 1")) {
            update.setLong(1, sequence);
            update.setString(2, previous);
            update.setLong(3, checkpointSequence);
            if (checkpointAt == null) {
                update.setNull(4, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                update.setObject(4, utc(checkpointAt));
            }
            update.setString(5, headTrusted ? signer.signHead(sequence, previous) : head.mac);
            update.executeUpdate();
        }
        return entries;
    }

    private void checkpoint(Connection connection, long sequence, String hash, Instant signedAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into audit_checkpoint (sequence, hash, "
                + "signed_at, key_id, signature) values (?, ?, ?, ?, ?)")) {
            insert.setLong(1, sequence);
            insert.setString(2, hash);
            insert.setObject(3, utc(signedAt));
            insert.setString(4, signer.keyId());
            insert.setString(5, signer.signCheckpoint(sequence, hash, signedAt));
            insert.executeUpdate();
        }
    }

    private static Head lockHead(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select last_sequence, last_hash, "
                + "last_checkpoint_sequence, last_checkpoint_at, mac from audit_chain_head where id = 1 for update");
                ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("The audit chain head row is missing");
            }
            OffsetDateTime checkpointAt = rs.getObject(4, OffsetDateTime.class);
            return new Head(rs.getLong(1), rs.getString(2), rs.getLong(3),
                    checkpointAt == null ? null : checkpointAt.toInstant(), rs.getString(5));
        }
    }

    private static void bind(PreparedStatement insert, long sequence, Instant recordedAt, AuditRecord record,
            String previous, String hash) throws SQLException {
        insert.setLong(1, sequence);
        insert.setObject(2, utc(recordedAt));
        insert.setObject(3, utc(record.occurredAt()));
        insert.setString(4, record.category().name());
        insert.setString(5, record.action());
        insert.setString(6, record.outcome().name());
        nullable(insert, 7, record.actor().id());
        insert.setString(8, StoredForm.join(record.actor().roles()));
        nullable(insert, 9, record.actor().onBehalfOf());
        nullable(insert, 10, record.patientId());
        nullable(insert, 11, record.resourceType());
        insert.setString(12, StoredForm.join(record.resourceIds()));
        insert.setString(13, record.purpose().name());
        nullable(insert, 14, record.origin().clientIp());
        nullable(insert, 15, record.origin().userAgent());
        nullable(insert, 16, record.origin().requestId());
        nullable(insert, 17, record.detail());
        insert.setString(18, previous);
        insert.setString(19, hash);
    }

    private static void nullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record Head(long sequence, String hash, long checkpointSequence, Instant checkpointAt, String mac) {
    }
}
