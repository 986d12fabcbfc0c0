package health.salus.audit.monitoring;

import health.salus.audit.AuditCategory;
import health.salus.audit.AuditOutcome;
import health.salus.audit.AuditRecord;
import health.salus.audit.AuditTrail;
import health.salus.audit.PurposeOfUse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The watch list of records (VIPs, employees) any access to which alerts privacy officers. Each
 * change is audited in the same transaction: no flag changes that the trail does not show.
 */
@Service
class FlaggedPatients {

    private final JdbcClient jdbc;
    private final AuditTrail trail;
    private final Clock clock;

    FlaggedPatients(JdbcClient jdbc, AuditTrail trail, Clock clock) {
        this.jdbc = jdbc;
        this.trail = trail;
        this.clock = clock;
    }

    List<FlaggedPatient> all() {
        return jdbc.sql("select patient_id, reason, flagged_by, flagged_at from audit_flagged_patient "
                + "order by flagged_at desc").query(FlaggedPatient::map).list();
    }

    /** Flags the patient, or changes the reason of an existing flag. */
    @Transactional
    FlaggedPatient flag(String patientId, FlaggedPatient.Reason reason, AuditRecord.Actor officer,
            AuditRecord.Origin origin) {
        Instant now = clock.instant();
        int updated = jdbc.sql("update audit_flagged_patient set reason = ?, flagged_by = ?, flagged_at = ? "
                + "where patient_id = ?").params(reason.name(), officer.id(), Timestamp.from(now), patientId).update();
        if (updated == 0) {
            jdbc.sql("insert into audit_flagged_patient (patient_id, reason, flagged_by, flagged_at) "
                    + "values (?, ?, ?, ?)").params(patientId, reason.name(), officer.id(), Timestamp.from(now)).update();
        }
        audit(now, "flagged-patient-set", officer, patientId, origin, "reason=" + reason.name());
        return new FlaggedPatient(patientId, reason, officer.id(), now);
    }

    /** Whether there was a flag to remove. */
    @Transactional
    boolean unflag(String patientId, AuditRecord.Actor officer, AuditRecord.Origin origin) {
        boolean removed = jdbc.sql("delete from audit_flagged_patient where patient_id = ?").param(patientId)
                .update() == 1;
        if (removed) {
            audit(clock.instant(), "flagged-patient-removed", officer, patientId, origin, null);
        }
        return removed;
    }

    private void audit(Instant at, String action, AuditRecord.Actor officer, String patientId,
            AuditRecord.Origin origin, String detail) {
        // the patient is named as the resource, not as the compartment: a flag is not an access to their
        // record, and must not show up in what the patient is told about who looked at it
        trail.record(new AuditRecord(at, AuditCategory.ADMINISTRATION, action, AuditOutcome.SUCCESS, officer,
                null, "Patient", List.of(patientId), PurposeOfUse.OPERATIONS, origin, detail));
    }
}
