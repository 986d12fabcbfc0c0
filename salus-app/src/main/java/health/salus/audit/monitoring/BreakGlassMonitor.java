package health.salus.audit.monitoring;

import health.salus.audit.AuditCategory;
import health.salus.audit.AuditEntry;
import health.salus.audit.recording.security.SecurityActions;
import java.util.List;
import org.springframework.stereotype.Component;

/** Every break-glass invocation alerts privacy officers, who review whether the emergency was real. */
@Component
class BreakGlassMonitor implements Monitor {

    private final MonitoringProperties properties;

    BreakGlassMonitor(MonitoringProperties properties) {
        this.properties = properties;
    }

    @Override
    public List<AlertCandidate> evaluate(List<AuditEntry> entries) {
        return entries.stream().filter(entry -> entry.record().category() == AuditCategory.SECURITY
                && SecurityActions.BREAK_GLASS.equals(entry.record().action())).map(entry -> {
                    String actorId = entry.record().actor().id();
                    String patientId = entry.record().patientId();
                    return new AlertCandidate(AlertRule.BREAK_GLASS, "account:" + actorId + "|patient:" + patientId,
                            actorId, patientId, entry.record().detail() == null ? "break-glass"
                                    : entry.record().detail(), entry.sequence(), properties.breakGlassWindow());
                }).toList();
    }
}
