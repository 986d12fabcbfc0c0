package health.salus.audit.monitoring;

import health.salus.audit.AuditCategory;
import health.salus.audit.AuditOutcome;
import health.salus.audit.AuditRecord;
import health.salus.audit.AuditTrail;
import health.salus.audit.PurposeOfUse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alerts in {@code audit_alert}: raising one (at most one open per rule and subject within the
 * rule's window, enforced by a unique key so that several nodes agree), listing and acknowledging.
 * Raising and acknowledging are themselves audited.
 */
@Service
class Alerts {

    static final String SYSTEM_ACTOR = "system:security-monitor";
    private static final Logger log = LoggerFactory.getLogger(Alerts.class);
    private static final String COLUMNS = "id, rule, severity, actor_id, patient_id, detail, created_at, "
            + "acknowledged_by, acknowledged_at, acknowledgement_note";

    private final JdbcClient jdbc;
    private final AuditTrail trail;
    private final Clock clock;

    Alerts(JdbcClient jdbc, AuditTrail trail, Clock clock) {
        this.jdbc = jdbc;
        this.trail = trail;
        this.clock = clock;
    }

    /** The new alert, or empty when one for the same rule and subject is still open. */
    Optional<Alert> raise(AlertCandidate candidate) {
        Instant now = clock.instant();
        String openKey = candidate.rule().code() + "|" + candidate.subject();
        // an open alert older than its window no longer stands for new sightings
        jdbc.sql("update audit_alert set open_key = null where open_key = ? and created_at < ?")
                .params(openKey, Timestamp.from(now.minus(candidate.window()))).update();
        Alert alert = new Alert(UUID.randomUUID().toString(), candidate.rule().code(),
                candidate.rule().severity().name().toLowerCase(Locale.ROOT), candidate.actorId(),
                candidate.patientId(), candidate.detail(), now, Optional.empty(), Optional.empty(), Optional.empty());
        try {
            jdbc.sql("insert into audit_alert (id, rule, severity, actor_id, patient_id, detail, entry_sequence, "
                    + "created_at, open_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(alert.id(), alert.rule(), alert.severity(), alert.actorId(), alert.patientId(),
                            alert.detail(), candidate.entrySequence(), Timestamp.from(now), openKey).update();
        } catch (DuplicateKeyException alreadyOpen) {
            return Optional.empty();
        }
        log.warn("Security alert {} raised: rule {}, severity {}", alert.id(), alert.rule(), alert.severity());
        // the alert stands even if the trail is briefly unavailable: a missed alert is the worse failure
        trail.record(new AuditRecord(now, AuditCategory.SECURITY, "alert-raised", AuditOutcome.SUCCESS,
                new AuditRecord.Actor(SYSTEM_ACTOR, List.of(), null), null, null, List.of(), PurposeOfUse.SYSTEM,
                AuditRecord.Origin.NONE, "alert=" + alert.id() + " rule=" + alert.rule() + " severity="
                        + alert.severity() + " entry=" + candidate.entrySequence()));
        return Optional.of(alert);
    }

    /** The latest alerts, newest first; only the unacknowledged ones when {@code openOnly}. */
    List<Alert> latest(boolean openOnly, int limit) {
        return jdbc.sql("select " + COLUMNS + " from audit_alert"
                + (openOnly ? " where acknowledged_at is null" : "")
                + " order by created_at desc fetch first " + limit + " rows only").query(Alerts::map).list();
    }

    Optional<Alert> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from audit_alert where id = ?").param(id).query(Alerts::map)
                .optional();
    }

    /**
     * Marks the alert as seen, with the officer's note if any; a second acknowledgement keeps the first
     * one's name, time and note. One transaction with its audit record: no acknowledgement stands that the
     * trail does not show (the trail records that there is a note, not what it says).
     */
    @Transactional
    Optional<Alert> acknowledge(String id, AuditRecord.Actor officer, AuditRecord.Origin origin,
            Optional<String> note) {
        Instant now = clock.instant();
        int changed = jdbc.sql("update audit_alert set acknowledged_by = ?, acknowledged_at = ?, open_key = null, "
                + "acknowledgement_note = ? where id = ? and acknowledged_at is null")
                .params(officer.id(), Timestamp.from(now), note.orElse(null), id).update();
        if (changed == 1) {
            trail.record(new AuditRecord(now, AuditCategory.SECURITY, "alert-acknowledged", AuditOutcome.SUCCESS,
                    officer, null, null, List.of(), PurposeOfUse.OPERATIONS, origin,
                    "alert=" + id + (note.isPresent() ? " note=yes" : "")));
        }
        return find(id);
    }

    private static Alert map(ResultSet rs, int row) throws SQLException {
        Timestamp acknowledgedAt = rs.getTimestamp("acknowledged_at");
        return new Alert(rs.getString("id"), rs.getString("rule"), rs.getString("severity"),
                rs.getString("actor_id"), rs.getString("patient_id"), rs.getString("detail"),
                rs.getTimestamp("created_at").toInstant(), Optional.ofNullable(rs.getString("acknowledged_by")),
                Optional.ofNullable(acknowledgedAt).map(Timestamp::toInstant),
                Optional.ofNullable(rs.getString("acknowledgement_note")));
    }
}
