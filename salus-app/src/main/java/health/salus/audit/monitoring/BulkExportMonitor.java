package health.salus.audit.monitoring;

import health.salus.audit.AuditCategory;
import health.salus.audit.AuditEntry;
import health.salus.audit.AuditOutcome;
import health.salus.audit.AuditRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Data leaving in bulk: a patient's whole record ({@code $everything}, when the recording names it so),
 * an export of the audit trail that was allowed, or one request that touched at least
 * {@code distinct-patients} patients.
 */
@Component
class BulkExportMonitor implements Monitor {

    private final AuditHistory history;
    private final MonitoringProperties.BulkExport limits;

    BulkExportMonitor(AuditHistory history, MonitoringProperties properties) {
        this.history = history;
        this.limits = properties.bulkExport();
    }

    @Override
    public List<AlertCandidate> evaluate(List<AuditEntry> entries) {
        List<AlertCandidate> alerts = new ArrayList<>();
        for (AuditEntry entry : entries) {
            AuditRecord record = entry.record();
            if (record.actor().id() == null || record.actor().id().startsWith("system:")) {
                continue;
            }
            if (isWholeRecord(record)) {
                alerts.add(candidate(entry, "everything:" + record.patientId(), record.patientId(),
                        "export=everything"));
            } else if (isAuditExport(record)) {
                alerts.add(candidate(entry, "audit-export", null, "export=audit-trail action=" + record.action()));
            }
        }
        Map<String, AuditEntry> latestByRequest = FailedSignInMonitor.latestBy(entries.stream()
                .filter(PatientAccess::isByUser).toList(), entry -> entry.record().origin().requestId());
        Map<String, Integer> patientsByRequest = latestByRequest.isEmpty() ? Map.of()
                : history.distinctPatientsInRequests(latestByRequest.keySet());
        latestByRequest.forEach((requestId, entry) -> {
            int patients = patientsByRequest.getOrDefault(requestId, 0);
            if (patients >= limits.distinctPatients()) {
                alerts.add(new AlertCandidate(AlertRule.BULK_EXPORT, "request:" + requestId,
                        entry.record().actor().id(), null, "export=request patients=" + patients,
                        entry.sequence(), limits.window()));
            }
        });
        return alerts;
    }

    private AlertCandidate candidate(AuditEntry entry, String what, String patientId, String detail) {
        String actorId = entry.record().actor().id();
        return new AlertCandidate(AlertRule.BULK_EXPORT, "account:" + actorId + "|" + what, actorId, patientId,
                detail, entry.sequence(), limits.window());
    }

    private static boolean isWholeRecord(AuditRecord record) {
        return record.category() == AuditCategory.PATIENT_DATA
                && record.action().toLowerCase(Locale.ROOT).replace("$", "").equals("everything");
    }

    /** A refused export let nothing out; the refusal is in the trail for whoever reviews it. */
    private static boolean isAuditExport(AuditRecord record) {
        return record.category() == AuditCategory.AUDIT && record.outcome() == AuditOutcome.SUCCESS
                && record.action().toLowerCase(Locale.ROOT).contains("export");
    }
}
