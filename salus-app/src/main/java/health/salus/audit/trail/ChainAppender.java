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
import java.util.Optional;

/**
 * Appends one batch to the chain: numbers and hashes the records, inserts them, signs a checkpoint
 * when one is due, and moves the head, which is what makes every node extend the same chain. Two
 * ways: locked (select the head for update, four round trips) and, when the writer knows the head
 * it left last time, one conditional statement that fails harmlessly if the head moved meanwhile.
 */
final class ChainAppender {

    private static final String INSERT = "insert into audit_entry (sequence, recorded_at, occurred_at, category, "
            + "action, outcome, actor_id, actor_roles, on_behalf_of, patient_id, resource_type, resource_ids, purpose, "
            + "client_ip, user_agent, request_id, detail, previous_hash, hash) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int COLUMNS = 19;
    /** Keeps one statement's parameters (19 a row) well under PostgreSQL's limit of 65,535. */
    static final int MAX_KNOWN_HEAD_BATCH = 1000;

    private final CheckpointSigner signer;
    private final long checkpointEvery;
    private final Duration checkpointInterval;

    ChainAppender(CheckpointSigner signer, long checkpointEvery, Duration checkpointInterval) {
        this.signer = signer;
        this.checkpointEvery = checkpointEvery;
        this.checkpointInterval = checkpointInterval;
    }

    /**
     * The locked path: locks the chain head, appends, signs a checkpoint when one is due and moves
     * the head, inside the caller's transaction. Always correct, whatever other nodes wrote.
     */
    Appended append(Connection connection, List<AuditRecord> records, Instant now) throws SQLException {
        ChainHead head = lockHead(connection);
        // a head that does not carry a valid signature stays unsigned: appending must not launder it
        boolean headTrusted = signer.headSigned(head.sequence(), head.hash(), head.mac());
        Instant recordedAt = StoredForm.micros(now);
        List<AuditEntry> entries = chain(head, records, recordedAt);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (AuditEntry entry : entries) {
                bind(insert, 1, entry, recordedAt);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        AuditEntry last = entries.get(entries.size() - 1);
        long sequence = last.sequence();
        String previous = last.hash();
        long checkpointSequence = head.checkpointSequence();
        Instant checkpointAt = head.checkpointAt();
        if (checkpointDue(head, sequence, recordedAt)) {
            checkpoint(connection, sequence, previous, recordedAt);
            checkpointSequence = sequence;
            checkpointAt = recordedAt;
        }
        String mac = headTrusted ? signer.signHead(sequence, previous) : head.mac();
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
            update.setString(5, mac);
            update.executeUpdate();
        }
        return new Appended(entries, new ChainHead(sequence, previous, checkpointSequence, checkpointAt, mac));
    }

    /**
     * The known-head path, one statement in autocommit (one round trip, one commit): moves the head
     * from {@code known} to the batch's last entry only if it is still {@code known}, and inserts the
     * entries only if the head moved. When another node (or anything else) moved the head since, the
     * statement changes nothing and the answer is empty: the caller then takes the locked path. The
     * row lock the update takes orders this against the locked path exactly as the select-for-update
     * does, so every node still extends one chain. Empty too when a checkpoint is due (the locked path
     * signs it) or the database cannot run the statement (H2 has no data-modifying CTEs).
     */
    Optional<Appended> appendOnKnownHead(Connection connection, ChainHead known, List<AuditRecord> records,
            Instant now) throws SQLException {
        Instant recordedAt = StoredForm.micros(now);
        if (records.size() > MAX_KNOWN_HEAD_BATCH || !signer.headSigned(known.sequence(), known.hash(), known.mac())) {
            return Optional.empty();
        }
        List<AuditEntry> entries = chain(known, records, recordedAt);
        AuditEntry last = entries.get(entries.size() - 1);
        if (checkpointDue(known, last.sequence(), recordedAt)) {
            return Optional.empty();
        }
        String mac = signer.signHead(last.sequence(), last.hash());
        int inserted;
        try (PreparedStatement statement = connection.prepareStatement(knownHeadStatement(entries.size()))) {
            statement.setLong(1, last.sequence());
            statement.setString(2, last.hash());
            statement.setString(3, mac);
            statement.setLong(4, known.sequence());
            statement.setString(5, known.hash());
            int index = 6;
            for (AuditEntry entry : entries) {
                index = bind(statement, index, entry, recordedAt);
            }
            inserted = statement.executeUpdate();
        }
        if (inserted == 0) {
            return Optional.empty();
        }
        if (inserted != entries.size()) {
            // cannot happen in one atomic statement; refuse rather than report entries that are not there
            throw new SQLException("The audit trail inserted " + inserted + " of " + entries.size() + " entries");
        }
        return Optional.of(new Appended(entries, new ChainHead(last.sequence(), last.hash(),
                known.checkpointSequence(), known.checkpointAt(), mac)));
    }

    private static String knownHeadStatement(int rows) {
        String row = "(" + String.join(", ", java.util.Collections.nCopies(COLUMNS, "?")) + ")";
        return "with moved as (update audit_chain_head set last_sequence = ?, last_hash = ?, mac = ? "
                + "where id = 1 and last_sequence = ? and last_hash = ? returning id) "
                + INSERT.substring(0, INSERT.indexOf(" values ")) + " select * from (values "
                + String.join(", ", java.util.Collections.nCopies(rows, row)) + ") as batch "
                + "where exists (select 1 from moved)";
    }

    private List<AuditEntry> chain(ChainHead head, List<AuditRecord> records, Instant recordedAt) {
        List<AuditEntry> entries = new ArrayList<>(records.size());
        long sequence = head.sequence();
        String previous = head.hash();
        for (AuditRecord raw : records) {
            AuditRecord record = StoredForm.of(raw, recordedAt);
            sequence++;
            String hash = ChainHashing.hash(previous, sequence, recordedAt, record);
            entries.add(new AuditEntry(sequence, record, previous, hash));
            previous = hash;
        }
        return entries;
    }

    private boolean checkpointDue(ChainHead head, long sequence, Instant recordedAt) {
        return sequence - head.checkpointSequence() >= checkpointEvery || sequence > head.checkpointSequence()
                && (head.checkpointAt() == null || !head.checkpointAt().plus(checkpointInterval).isAfter(recordedAt));
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

    private static ChainHead lockHead(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select last_sequence, last_hash, "
                + "last_checkpoint_sequence, last_checkpoint_at, mac from audit_chain_head where id = 1 for update");
                ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("The audit chain head row is missing");
            }
            OffsetDateTime checkpointAt = rs.getObject(4, OffsetDateTime.class);
            return new ChainHead(rs.getLong(1), rs.getString(2), rs.getLong(3),
                    checkpointAt == null ? null : checkpointAt.toInstant(), rs.getString(5));
        }
    }

    /** Binds one entry's {@value #COLUMNS} columns from {@code first} on; answers the next free index. */
    private static int bind(PreparedStatement insert, int first, AuditEntry entry, Instant recordedAt)
            throws SQLException {
        AuditRecord record = entry.record();
        int i = first;
        insert.setLong(i++, entry.sequence());
        insert.setObject(i++, utc(recordedAt));
        insert.setObject(i++, utc(record.occurredAt()));
        insert.setString(i++, record.category().name());
        insert.setString(i++, record.action());
        insert.setString(i++, record.outcome().name());
        nullable(insert, i++, record.actor().id());
        insert.setString(i++, StoredForm.join(record.actor().roles()));
        nullable(insert, i++, record.actor().onBehalfOf());
        nullable(insert, i++, record.patientId());
        nullable(insert, i++, record.resourceType());
        insert.setString(i++, StoredForm.join(record.resourceIds()));
        insert.setString(i++, record.purpose().name());
        nullable(insert, i++, record.origin().clientIp());
        nullable(insert, i++, record.origin().userAgent());
        nullable(insert, i++, record.origin().requestId());
        nullable(insert, i++, record.detail());
        insert.setString(i++, entry.previousHash());
        insert.setString(i++, entry.hash());
        return i;
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

    /** Where the chain ends, as the head row says. */
    record ChainHead(long sequence, String hash, long checkpointSequence, Instant checkpointAt, String mac) {
    }

    /** What one append wrote, and the head it left. */
    record Appended(List<AuditEntry> entries, ChainHead head) {
    }
}
