package health.salus.audit.monitoring;

import health.salus.audit.AuditRecord;
import health.salus.security.CurrentSubject;
import health.salus.security.RequestOrigin;
import health.salus.security.Role;
import health.salus.security.Subject;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may use the alert and flag APIs: privacy officers, signed in as themselves (not a system client
 * holding the role). Alerts and flags name patients, so no other role sees them.
 */
@Component
class OfficerAccess {

    private final CurrentSubject currentSubject;

    OfficerAccess(CurrentSubject currentSubject) {
        this.currentSubject = currentSubject;
    }

    /** The privacy officer making this request, as the audit trail names them; 403 for anyone else. */
    AuditRecord.Actor requirePrivacyOfficer() {
        Subject subject = currentSubject.require();
        if (subject.kind() != Subject.Kind.USER || !subject.hasRole(Role.PRIVACY_OFFICER)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only privacy officers may use this");
        }
        return new AuditRecord.Actor(subject.id(), subject.roles().stream().map(Role::code).sorted().toList(), null);
    }

    static AuditRecord.Origin origin() {
        RequestOrigin origin = RequestOrigin.current();
        return new AuditRecord.Origin(origin.clientIp(), origin.userAgent(), origin.requestId());
    }

}
