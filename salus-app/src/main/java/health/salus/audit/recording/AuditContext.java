package health.salus.audit.recording;

import health.salus.audit.AuditRecord;
import health.salus.audit.PurposeOfUse;
import health.salus.platform.RequestIds;
import health.salus.security.CurrentSubject;
import health.salus.security.Role;
import health.salus.security.Subject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Who is acting, for what purpose and from where, as audit records name them: ids and codes only. */
@Component
public class AuditContext {

    private final CurrentSubject currentSubject;

    AuditContext(CurrentSubject currentSubject) {
        this.currentSubject = currentSubject;
    }

    public Optional<Subject> subject() {
        return currentSubject.current();
    }

    /** The actor for a subject; {@code onBehalfOf} names the SMART app a user's token was issued to. */
    public AuditRecord.Actor actor(Subject subject, String onBehalfOf) {
        return new AuditRecord.Actor(subject.id(), roleCodes(subject), onBehalfOf != null ? onBehalfOf
                : currentSubject.clientId().map(client -> "client:" + client).orElse(null));
    }

    public AuditRecord.Actor actor(Subject subject) {
        return actor(subject, null);
    }

    static List<String> roleCodes(Subject subject) {
        return subject.roles().stream().map(Role::code).sorted().toList();
    }

    /**
     * Why the subject reaches patient data, from their roles: a patient or proxy asks for themselves
     * or their family, clinicians treat, billers handle payment, anyone else runs the clinic.
     */
    public static PurposeOfUse purpose(Subject subject, boolean breakGlass) {
        if (subject.kind() != Subject.Kind.USER) {
            return PurposeOfUse.SYSTEM;
        }
        if (breakGlass) {
            return PurposeOfUse.BREAK_GLASS;
        }
        if (subject.hasRole(Role.PATIENT) || subject.hasRole(Role.PROXY)) {
            return PurposeOfUse.PATIENT_REQUEST;
        }
        if (subject.hasRole(Role.PHYSICIAN) || subject.hasRole(Role.NURSE) || subject.hasRole(Role.CARE_COORDINATOR)) {
            return PurposeOfUse.TREATMENT;
        }
        if (subject.hasRole(Role.BILLER)) {
            return PurposeOfUse.PAYMENT;
        }
        return PurposeOfUse.OPERATIONS;
    }

    /** Client address, User-Agent and request id of the current HTTP request; none outside one. */
    public AuditRecord.Origin origin() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return AuditRecord.Origin.NONE;
        }
        HttpServletRequest request = attributes.getRequest();
        return new AuditRecord.Origin(request.getRemoteAddr(), request.getHeader("User-Agent"),
                RequestIds.current().orElse(null));
    }
}
