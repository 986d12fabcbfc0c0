package health.salus.audit.monitoring;

import health.salus.audit.AuditRecord;
import health.salus.audit.SecurityAlerts;
import health.salus.audit.recording.AuditAccess;
import health.salus.audit.recording.AuditContext;
import org.springframework.stereotype.Component;

/**
 * Who may use the alert and flag APIs: privacy officers, signed in as themselves. Alerts and flags name
 * patients, so no other role sees them; a refusal is recorded in the trail like any look at it.
 */
@Component
class OfficerAccess {

    private final AuditAccess access;
    private final AuditContext context;

    OfficerAccess(AuditAccess access, AuditContext context) {
        this.access = access;
        this.context = context;
    }

    /** The privacy officer making this request, as the trail names them; 403 (recorded) for anyone else. */
    AuditRecord.Actor requirePrivacyOfficer(String action) {
        return context.actor(access.require(SecurityAlerts.HANDLERS, action));
    }

    AuditRecord.Origin origin() {
        return context.origin();
    }
}
