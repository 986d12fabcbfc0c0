package health.salus.audit.monitoring;

import health.salus.audit.AuditCategory;
import health.salus.audit.AuditEntry;

/** Which entries are a person's or client's access to patient data (Salus's own jobs are not watched). */
final class PatientAccess {

    private PatientAccess() {
    }

    static boolean isByUser(AuditEntry entry) {
        String actorId = entry.record().actor().id();
        return entry.record().category() == AuditCategory.PATIENT_DATA && actorId != null
                && !actorId.startsWith("system:");
    }
}
