package health.salus.audit.recording;

import health.salus.audit.AuditCategory;
import health.salus.audit.AuditOutcome;
import health.salus.audit.AuditRecord;
import health.salus.audit.AuditTrail;
import health.salus.audit.PurposeOfUse;
import health.salus.security.Role;
import health.salus.security.Subject;
import java.time.Clock;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may look at the trail, and the trail's record of every look: an officer's report, an export
 * or a verification is itself an entry (category AUDIT), written before the answer leaves, and so
 * is a refusal.
 */
@Component
public class AuditAccess {

    private final AuditTrail trail;
    private final AuditContext context;
    private final Clock clock;

    AuditAccess(AuditTrail trail, AuditContext context, Clock clock) {
        this.trail = trail;
        this.context = context;
        this.clock = clock;
    }

    /** The signed-in subject when one of their roles is in {@code roles}; otherwise records the refusal and answers 403. */
    public Subject require(Set<Role> roles, String action) {
        Subject subject = context.subject().orElseThrow(
                () -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in to use this service"));
        if (subject.kind() != Subject.Kind.USER || subject.roles().stream().noneMatch(roles::contains)) {
            record(subject, action, AuditOutcome.DENIED, null, "role-not-permitted");
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Your role may not use this");
        }
        return subject;
    }

    /** Records a look at the trail; {@code patientId} when the look was about one patient. */
    public void record(Subject subject, String action, AuditOutcome outcome, String patientId, String detail) {
        trail.record(new AuditRecord(clock.instant(), AuditCategory.AUDIT, action, outcome, context.actor(subject),
                patientId, null, java.util.List.of(), PurposeOfUse.OPERATIONS, context.origin(), detail));
    }
}
