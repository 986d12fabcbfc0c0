package health.salus.security.policy;

import health.salus.security.BreakGlassInvoked;
import health.salus.security.RequestOrigin;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Break-glass: time-boxed access to one patient with a stated reason. The alert to privacy officers is
 * raised by the audit module's monitor from the published {@link BreakGlassInvoked}, not here.
 */
@Component
public class BreakGlassGrants {

    private static final Logger log = LoggerFactory.getLogger(BreakGlassGrants.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    BreakGlassGrants(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public BreakGlassInvoked invoke(String accountId, String patientId, String reason, Duration duration) {
        Instant now = clock.instant();
        BreakGlassInvoked invoked = new BreakGlassInvoked(UUID.randomUUID().toString(), accountId, patientId,
                now.plus(duration), RequestOrigin.current());
        jdbc.sql("insert into security_break_glass (id, account_id, patient_id, reason, started_at, expires_at) "
                + "values (?, ?, ?, ?, ?, ?)").params(invoked.grantId(), accountId, patientId, reason,
                        Timestamp.from(now), Timestamp.from(invoked.expiresAt())).update();
        // ids only: the reason may hold clinical detail and stays in the database
        log.warn("Break-glass access {} by account {} until {}", invoked.grantId(), accountId, invoked.expiresAt());
        // the audit trail records it and its break-glass monitor alerts privacy officers
        events.publishEvent(invoked);
        return invoked;
    }

    /** When the account's latest unexpired grant for the patient runs out, if it holds one. */
    java.util.Optional<Instant> activeUntil(String accountId, String patientId) {
        return jdbc.sql("select expires_at from security_break_glass where account_id = ? and patient_id = ? "
                + "and expires_at > ? order by expires_at desc").params(accountId, patientId,
                        Timestamp.from(clock.instant())).query(Timestamp.class).list().stream().findFirst()
                .map(Timestamp::toInstant);
    }

    /** Patients the account holds an unexpired break-glass grant for. */
    Set<String> activePatients(String accountId) {
        return new HashSet<>(jdbc.sql("select patient_id from security_break_glass where account_id = ? "
                + "and expires_at > ?").params(accountId, Timestamp.from(clock.instant())).query(String.class).list());
    }
}
