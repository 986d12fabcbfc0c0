package health.salus.audit.monitoring;

import health.salus.audit.AuditEntry;
import health.salus.security.Accounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Any access to a flagged record (a VIP's, an employee's) by anyone but the patient themself. Denied
 * attempts count too: trying to look is what privacy officers want to know about.
 */
@Component
class FlaggedRecordMonitor implements Monitor {

    private final AuditHistory history;
    private final Accounts accounts;
    private final MonitoringProperties properties;

    FlaggedRecordMonitor(AuditHistory history, Accounts accounts, MonitoringProperties properties) {
        this.history = history;
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public List<AlertCandidate> evaluate(List<AuditEntry> entries) {
        List<AuditEntry> accesses = entries.stream().filter(PatientAccess::isByUser)
                .filter(entry -> entry.record().patientId() != null).toList();
        Map<String, FlaggedPatient> flagged = history.flagged(accesses.stream().map(e -> e.record().patientId())
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(FlaggedPatient::patientId,
                        Function.identity()));
        List<AlertCandidate> alerts = new ArrayList<>();
        FailedSignInMonitor.latestBy(accesses.stream().filter(e -> flagged.containsKey(e.record().patientId()))
                .toList(), e -> e.record().actor().id() + "|" + e.record().patientId()).values().forEach(entry -> {
                    String actorId = entry.record().actor().id();
                    String patientId = entry.record().patientId();
                    if (isThePatient(actorId, patientId)) {
                        return;
                    }
                    alerts.add(new AlertCandidate(AlertRule.FLAGGED_RECORD_ACCESS,
                            "account:" + actorId + "|patient:" + patientId, actorId, patientId,
                            "flag=" + flagged.get(patientId).reason() + " action=" + entry.record().action()
                                    + " outcome=" + entry.record().outcome(), entry.sequence(),
                            properties.flaggedRecords().window()));
                });
        return alerts;
    }

    private boolean isThePatient(String actorId, String patientId) {
        return accounts.fhirUserOf(actorId).filter(("Patient/" + patientId)::equals).isPresent();
    }
}
