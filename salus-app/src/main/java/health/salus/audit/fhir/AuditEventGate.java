package health.salus.audit.fhir;

import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import health.salus.audit.AuditOutcome;
import health.salus.audit.recording.AuditAccess;
import health.salus.audit.recording.AuditContext;
import health.salus.audit.view.AuditEntries;
import health.salus.fhir.AccessGuard;
import health.salus.fhir.Interaction;
import health.salus.fhir.PatientSet;
import health.salus.security.Subject;
import org.springframework.stereotype.Component;

/**
 * Who may look at AuditEvents is the access policy's answer for the type (the "audit" group of
 * {@code access-policy.yml}), as far as its patient reach goes; no role names are written here.
 * Every look and every refusal is itself on the trail (category AUDIT).
 */
@Component
class AuditEventGate {

    private static final String TYPE = "AuditEvent";

    private final AccessGuard guard;
    private final AuditContext context;
    private final AuditAccess access;
    private final AuditEntries entries;

    AuditEventGate(AccessGuard guard, AuditContext context, AuditAccess access, AuditEntries entries) {
        this.guard = guard;
        this.context = context;
        this.access = access;
        this.entries = entries;
    }

    /** A query over the entries the caller may see, or a recorded 403 when the policy lets them see none. */
    AuditEntries.Query open(String action) {
        Subject subject = subject();
        PatientSet reach = guard.visibility(action.equals("read") ? Interaction.READ : Interaction.SEARCH)
                .forType(TYPE).orElse(PatientSet.NONE);
        if (!reach.all() && reach.ids().isEmpty()) {
            access.record(subject, TYPE + "." + action, AuditOutcome.DENIED, null, "role-not-permitted");
            throw new ForbiddenOperationException("The access policy does not allow your role to " + action
                    + " the audit trail");
        }
        AuditEntries.Query query = entries.query();
        // a reach narrower than every patient sees only entries about its patients (care links are not followed)
        return reach.all() ? query : query.in("patient_id", reach.ids());
    }

    /** Records a look that succeeded, before the answer leaves. */
    void looked(String action, String patientId, int returned) {
        access.record(subject(), TYPE + "." + action, AuditOutcome.SUCCESS, patientId,
                "fhir-" + Math.min(returned, 1000) + "-returned");
    }

    /** Records a write attempt on the trail and answers it with a 405. */
    MethodNotAllowedException refuseWrite(String action) {
        access.record(subject(), TYPE + "." + action, AuditOutcome.DENIED, null, "trail-is-read-only");
        return new MethodNotAllowedException("The audit trail is written by Salus only: AuditEvent does not allow "
                + action);
    }

    private Subject subject() {
        return context.subject().orElseThrow(() -> new AuthenticationException("Sign in to use this service"));
    }
}
