package health.salus.audit.trail;

import health.salus.audit.AuditCategory;
import health.salus.audit.AuditOutcome;
import health.salus.audit.AuditRecord;
import health.salus.audit.PurposeOfUse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reads {@code audit_entry} rows back into what was hashed. */
public final class EntryRows {

    public static final String COLUMNS = "sequence, recorded_at, occurred_at, category, action, outcome, actor_id, "
            + "actor_roles, on_behalf_of, patient_id, resource_type, resource_ids, purpose, client_ip, user_agent, "
            + "request_id, detail, previous_hash, hash";

    /** A stored row: its record and the chain fields around it. */
    public record StoredEntry(long sequence, Instant recordedAt, AuditRecord record, String previousHash,
            String hash) {

        /** The hash this row should carry were it stored at {@code position}. */
        public String recomputedHash(long position) {
            return ChainHashing.hash(previousHash, position, recordedAt, record);
        }
    }

    private EntryRows() {
    }

    /** Maps a row selected with {@link #COLUMNS}. Unknown enum names fail: a tampered row may hold them. */
    public static StoredEntry map(ResultSet rs) throws SQLException {
        AuditRecord record = new AuditRecord(instant(rs, "occurred_at"),
                AuditCategory.valueOf(rs.getString("category")), rs.getString("action"),
                AuditOutcome.valueOf(rs.getString("outcome")),
                new AuditRecord.Actor(rs.getString("actor_id"), StoredForm.split(rs.getString("actor_roles")),
                        rs.getString("on_behalf_of")),
                rs.getString("patient_id"), rs.getString("resource_type"),
                StoredForm.split(rs.getString("resource_ids")), PurposeOfUse.valueOf(rs.getString("purpose")),
                new AuditRecord.Origin(rs.getString("client_ip"), rs.getString("user_agent"),
                        rs.getString("request_id")),
                rs.getString("detail"));
        return new StoredEntry(rs.getLong("sequence"), instant(rs, "recorded_at"), record,
                rs.getString("previous_hash"), rs.getString("hash"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
