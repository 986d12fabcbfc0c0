package health.salus.audit.recording.security;

import health.salus.audit.AuditCategory;
import health.salus.audit.AuditOutcome;
import health.salus.audit.AuditRecord;
import health.salus.audit.AuditTrail;
import health.salus.audit.PurposeOfUse;
import health.salus.security.SecurityEvents.AccessPolicyLoaded;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records the access policy as changed when the hash of the file a node loaded differs from the last
 * one the trail holds (the first start counts as a change from nothing). Reading the trail rather than
 * a node's memory means every node agrees, and a restart with the same file records nothing.
 */
@Component
class PolicyChangeRecorder {

    private static final String HASH = "sha256=";

    private final AuditTrail trail;
    private final JdbcClient jdbc;
    private final Clock clock;

    PolicyChangeRecorder(AuditTrail trail, JdbcClient jdbc, Clock clock) {
        this.trail = trail;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void on(AccessPolicyLoaded event) {
        Optional<String> previous = lastRecordedHash();
        if (previous.filter(event.contentSha256()::equals).isPresent()) {
            return;
        }
        trail.record(new AuditRecord(clock.instant(), AuditCategory.ADMINISTRATION, SecurityActions.POLICY_CHANGED,
                AuditOutcome.SUCCESS, new AuditRecord.Actor("system:salus", List.of(), null), null, null, List.of(),
                PurposeOfUse.SYSTEM, AuditRecord.Origin.NONE,
                HASH + event.contentSha256() + " previous=" + previous.orElse("none")));
    }

    private Optional<String> lastRecordedHash() {
        return jdbc.sql("select detail from audit_entry where action = ? order by sequence desc "
                + "fetch first 1 rows only").param(SecurityActions.POLICY_CHANGED).query(String.class).optional()
                .map(detail -> detail.substring(HASH.length(), detail.indexOf(' ')));
    }
}
