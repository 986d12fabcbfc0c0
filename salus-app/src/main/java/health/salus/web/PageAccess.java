package health.salus.web;

import health.salus.fhir.AccessGuard;
import health.salus.fhir.AccessGuard.AccessedResource;
import health.salus.fhir.Interaction;
import health.salus.fhir.PatientSet;
import health.salus.security.CurrentSubject;
import health.salus.security.Role;
import health.salus.security.Subject;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Whether a page opens for the signed-in user, asked of the access policy rather than decided here: a
 * page that registers patients opens for whoever the policy lets create a Patient. A refused page is
 * reported to the policy's guard (so it is audited like any refusal) and shown as the friendly
 * "not permitted" page.
 */
@Component
public class PageAccess {

    private final AccessGuard guard;
    private final CurrentSubject currentSubject;

    PageAccess(AccessGuard guard, CurrentSubject currentSubject) {
        this.guard = guard;
        this.currentSubject = currentSubject;
    }

    /** Whether the signed-in user may {@code interaction} some {@code resourceType} (for some patient). */
    public boolean may(Interaction interaction, String resourceType) {
        return guard.visibility(interaction).permitsType(resourceType);
    }

    /**
     * Whether the signed-in user may {@code interaction} {@code resourceType} for every patient, not only
     * those in their care: the front desk's reach over the schedule, which a clinician does not have.
     */
    public boolean mayForAnyPatient(Interaction interaction, String resourceType) {
        return guard.visibility(interaction).forType(resourceType).map(PatientSet::all).orElse(false);
    }

    /** Throws {@link PageNotPermittedException} (403) unless {@link #may} answers yes. */
    public void require(Interaction interaction, String resourceType) {
        requireThat(may(interaction, resourceType), interaction, resourceType);
    }

    /** Throws {@link PageNotPermittedException} (403) unless {@link #mayForAnyPatient} answers yes. */
    public void requireForAnyPatient(Interaction interaction, String resourceType) {
        requireThat(mayForAnyPatient(interaction, resourceType), interaction, resourceType);
    }

    /**
     * Whether the signed-in user (a person, not a client) holds one of {@code roles}: for pages over what the
     * access policy file does not describe — accounts, the policy itself, the audit trail's own tools — whose
     * APIs decide by the same role sets, which the owning module publishes (e.g. {@code Accounts.ADMINISTRATORS}).
     */
    public boolean hasAnyRole(Set<Role> roles) {
        return currentSubject.current().filter(subject -> subject.kind() == Subject.Kind.USER)
                .map(subject -> subject.roles().stream().anyMatch(roles::contains)).orElse(false);
    }

    /**
     * Throws {@link PageNotPermittedException} (403) unless {@link #hasAnyRole} answers yes. The module
     * services behind such pages check (and audit) the same rule again; this spares a half-built page.
     */
    public void requireAnyRole(Set<Role> roles) {
        if (!hasAnyRole(roles)) {
            throw new PageNotPermittedException();
        }
    }

    /** Whether a header link shows: the same question its page asks. */
    public boolean shows(NavigationLinks.Link link) {
        if (!link.roles().isEmpty()) {
            return hasAnyRole(link.roles());
        }
        return link.anyPatient() ? mayForAnyPatient(link.interaction(), link.resourceType())
                : may(link.interaction(), link.resourceType());
    }

    private void requireThat(boolean permitted, Interaction interaction, String resourceType) {
        if (!permitted) {
            guard.refused(interaction, new AccessedResource(resourceType, null, null));
            throw new PageNotPermittedException();
        }
    }
}
