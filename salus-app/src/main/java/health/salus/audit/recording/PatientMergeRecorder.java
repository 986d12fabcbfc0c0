package health.salus.audit.recording;

import health.salus.audit.AuditCategory;
import health.salus.audit.AuditOutcome;
import health.salus.audit.AuditRecord;
import health.salus.audit.AuditTrail;
import health.salus.audit.PurposeOfUse;
import health.salus.patients.PatientsMerged;
import health.salus.patients.PatientsUnmerged;
import health.salus.security.Subject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Merges and unmerges of patient records in the trail, one record in each patient's compartment so both
 * patients' access reports show it; every re-pointed resource is audited on its own as an update. Plain
 * listeners in the merge's transaction: a merge whose record cannot be written does not happen.
 */
@Component
class PatientMergeRecorder {

    private final AuditTrail trail;
    private final AuditContext context;

    PatientMergeRecorder(AuditTrail trail, AuditContext context) {
        this.trail = trail;
        this.context = context;
    }

    @EventListener
    void on(PatientsMerged merged) {
        trail.record(records(merged.mergedAt(), "patients-merged", merged.actorId(), merged.survivorId(),
                merged.mergedId(), "merge:" + merged.mergeId() + " repointed:" + merged.resourcesRepointed()));
    }

    @EventListener
    void on(PatientsUnmerged unmerged) {
        trail.record(records(unmerged.unmergedAt(), "patients-unmerged", unmerged.actorId(), unmerged.survivorId(),
                unmerged.mergedId(), "merge:" + unmerged.mergeId() + " restored:" + unmerged.resourcesRestored()));
    }

    private List<AuditRecord> records(Instant at, String action, String actorId, String survivorId, String mergedId,
            String detail) {
        Optional<Subject> subject = context.subject().filter(s -> s.id().equals(actorId));
        AuditRecord.Actor actor = subject.map(context::actor).orElseGet(() -> new AuditRecord.Actor(actorId,
                List.of(), null));
        // maintaining the master patient index is running the clinic, whoever does it
        PurposeOfUse purpose = PurposeOfUse.OPERATIONS;
        List<String> patients = List.of(survivorId, mergedId);
        return List.of(survivorId, mergedId).stream().map(compartment -> new AuditRecord(at,
                AuditCategory.PATIENT_DATA, action, AuditOutcome.SUCCESS, actor, compartment, "Patient", patients,
                purpose, context.origin(), detail + (compartment.equals(survivorId) ? " role:survivor"
                        : " role:merged"))).toList();
    }
}
