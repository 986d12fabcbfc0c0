package health.salus.audit.monitoring;

import static org.awaitility.Awaitility.await;

import health.salus.audit.AuditCategory;
import health.salus.audit.AuditOutcome;
import health.salus.audit.AuditRecord;
import health.salus.audit.AuditTrail;
import health.salus.audit.PurposeOfUse;
import health.salus.support.SalusIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Monitor tests write to the real trail (with past {@code occurredAt} where a baseline is needed, so
 * nothing depends on today's clock), wait until the monitors' thread has evaluated everything chained
 * so far, and then read {@code audit_alert}. Every actor is made up per test, so tests sharing the
 * application do not see each other's alerts.
 */
@SalusIntegrationTest
abstract class MonitorTest {

    @Autowired
    AuditTrail trail;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SecurityMonitors monitors;
    @Autowired
    Alerts alerts;

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    static AuditRecord access(String actorId, String patientId, Instant at) {
        return access(actorId, patientId, at, null);
    }

    static AuditRecord access(String actorId, String patientId, Instant at, String requestId) {
        return new AuditRecord(at, AuditCategory.PATIENT_DATA, "read", AuditOutcome.SUCCESS,
                new AuditRecord.Actor(actorId, List.of("physician"), null), patientId, "Patient", List.of(patientId),
                PurposeOfUse.TREATMENT, new AuditRecord.Origin("127.0.0.1", "test", requestId), null);
    }

    /** Waits until every entry chained so far has been through the monitors (no sleeping on guesses). */
    void settle() {
        long last = jdbc.sql("select coalesce(max(sequence), 0) from audit_entry").query(Long.class).single();
        await().atMost(Duration.ofSeconds(30)).until(() -> monitors.evaluatedThrough() >= last);
    }

    void recordAndSettle(List<AuditRecord> records) {
        trail.record(records);
        settle();
    }

    List<Alert> alerts(AlertRule rule, String actorId) {
        return jdbc.sql("select id from audit_alert where rule = ? and actor_id = ? order by created_at")
                .params(rule.code(), actorId).query(String.class).list().stream()
                .map(id -> alerts.find(id).orElseThrow()).toList();
    }
}
