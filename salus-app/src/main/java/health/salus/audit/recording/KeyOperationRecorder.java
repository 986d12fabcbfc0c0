package health.salus.audit.recording;

import health.salus.audit.AuditCategory;
import health.salus.audit.AuditOutcome;
import health.salus.audit.AuditRecord;
import health.salus.audit.AuditTrail;
import health.salus.audit.PurposeOfUse;
import health.salus.crypto.DataKeysCreated;
import health.salus.crypto.DataKeysRewrapped;
import health.salus.crypto.KeyRotationFinished;
import health.salus.crypto.KeyRotationStarted;
import health.salus.crypto.PatientKeysDestroyed;
import java.time.Instant;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Key operations in the trail (category KEY_MANAGEMENT): data keys created, re-wrapped, rotated, and a
 * patient's keys destroyed, which is how the trail shows that a crypto-shredded record is gone on
 * purpose. Synchronous, so an operation whose record cannot be written fails with it.
 */
@Component
class KeyOperationRecorder {

    private static final AuditRecord.Actor SALUS = new AuditRecord.Actor("system:crypto", List.of(), null);

    private final AuditTrail trail;
    private final AuditContext context;

    KeyOperationRecorder(AuditTrail trail, AuditContext context) {
        this.trail = trail;
        this.context = context;
    }

    @EventListener
    void on(DataKeysCreated created) {
        trail.record(record(created.until(), "data-keys-created", SALUS, null, "data-keys:"
                + created.dataKeyIds().size()));
    }

    @EventListener
    void on(DataKeysRewrapped rewrapped) {
        trail.record(record(rewrapped.at(), "data-keys-rewrapped", SALUS, null, "rotation:" + rewrapped.rotationId()
                + " kek:" + rewrapped.kekId() + " data-keys:" + rewrapped.dataKeys()));
    }

    @EventListener
    void on(KeyRotationStarted started) {
        trail.record(record(started.at(), "key-rotation-started", actor(started.actorId()), null,
                "rotation:" + started.rotationId()));
    }

    @EventListener
    void on(KeyRotationFinished finished) {
        trail.record(record(finished.at(), "key-rotation-finished", SALUS, null, "rotation:" + finished.rotationId()
                + " resealed:" + finished.bodiesResealed() + " retired:" + finished.keysRetired()));
    }

    @EventListener
    void on(PatientKeysDestroyed destroyed) {
        trail.record(record(destroyed.at(), "patient-keys-destroyed", actor(destroyed.actorId()),
                destroyed.patientId(), "erasure:" + destroyed.erasureId() + " keys:" + destroyed.keysDestroyed()));
    }

    /** The signed-in operator with their roles when it is they who acted, else their id alone. */
    private AuditRecord.Actor actor(String actorId) {
        return context.subject().filter(subject -> subject.id().equals(actorId)).map(context::actor)
                .orElseGet(() -> new AuditRecord.Actor(actorId, List.of(), null));
    }

    private AuditRecord record(Instant at, String action, AuditRecord.Actor actor, String patientId, String detail) {
        boolean byOperator = actor != SALUS;
        return new AuditRecord(at, AuditCategory.KEY_MANAGEMENT, action, AuditOutcome.SUCCESS, actor, patientId,
                patientId == null ? null : "Patient", List.of(), byOperator ? PurposeOfUse.OPERATIONS
                        : PurposeOfUse.SYSTEM, byOperator ? context.origin() : AuditRecord.Origin.NONE, detail);
    }
}
