package health.salus.audit.monitoring;

import health.salus.audit.AuditCategory;
import health.salus.audit.AuditEntry;
import health.salus.audit.AuditOutcome;
import health.salus.audit.AuditRecord;
import health.salus.audit.recording.security.SecurityActions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Bursts of failed sign-ins: password guessing against one account, and one address trying many
 * accounts (password spraying), each counted over the window ending at the latest failure.
 */
@Component
class FailedSignInMonitor implements Monitor {

    private static final Set<String> ACTIONS = Set.of(SecurityActions.SIGN_IN, SecurityActions.SECOND_FACTOR);

    private final AuditHistory history;
    private final MonitoringProperties.FailedSignIn limits;

    FailedSignInMonitor(AuditHistory history, MonitoringProperties properties) {
        this.history = history;
        this.limits = properties.failedSignIn();
    }

    @Override
    public List<AlertCandidate> evaluate(List<AuditEntry> entries) {
        List<AuditEntry> failures = entries.stream().filter(FailedSignInMonitor::isFailure).toList();
        List<AlertCandidate> alerts = new ArrayList<>();
        latestBy(failures, entry -> entry.record().actor().id()).forEach((accountId, entry) -> {
            int count = count("actor_id", accountId, entry);
            if (count >= limits.perAccount()) {
                alerts.add(new AlertCandidate(AlertRule.FAILED_SIGN_IN_BURST, "account:" + accountId, accountId, null,
                        "failures=" + count + " window=" + limits.window(), entry.sequence(), limits.window()));
            }
        });
        latestBy(failures, entry -> entry.record().origin().clientIp()).forEach((clientIp, entry) -> {
            int count = count("client_ip", clientIp, entry);
            if (count >= limits.perClientIp()) {
                alerts.add(new AlertCandidate(AlertRule.FAILED_SIGN_IN_SPRAY, "ip:" + clientIp, null, null,
                        "client-ip=" + clientIp + " failures=" + count + " window=" + limits.window(),
                        entry.sequence(), limits.window()));
            }
        });
        return alerts;
    }

    private int count(String column, String value, AuditEntry latest) {
        Instant to = latest.record().occurredAt();
        return history.deniedAttempts(column, value, ACTIONS, to.minus(limits.window()), to);
    }

    private static boolean isFailure(AuditEntry entry) {
        AuditRecord record = entry.record();
        return record.category() == AuditCategory.AUTHENTICATION && record.outcome() == AuditOutcome.DENIED
                && ACTIONS.contains(record.action());
    }

    /** The latest entry per key (null keys left out): one evaluation per account or address per batch. */
    static Map<String, AuditEntry> latestBy(List<AuditEntry> entries, Function<AuditEntry, String> key) {
        Map<String, AuditEntry> latest = new LinkedHashMap<>();
        entries.forEach(entry -> {
            String value = key.apply(entry);
            if (value != null) {
                latest.merge(value, entry, (a, b) -> b.record().occurredAt().isBefore(a.record().occurredAt()) ? a : b);
            }
        });
        return latest;
    }
}
