package health.salus.portal.access;

import health.salus.fhir.AccessGuard;
import health.salus.fhir.AccessGuard.AccessedResource;
import health.salus.fhir.Interaction;
import health.salus.fhir.PatientSet;
import health.salus.fhir.Visibility;
import health.salus.messaging.ContactPreferences;
import health.salus.messaging.Notifications;
import health.salus.security.CurrentSubject;
import health.salus.security.Role;
import health.salus.security.Subject;
import health.salus.web.PageNotPermittedException;
import health.salus.web.UserTimeZone;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whose record a portal page is about, asked of the access policy: a patient's pages open for the
 * person whose account is linked to that Patient and whom the policy lets read it (their own record);
 * a family member's pages open for each patient whose consent currently lets them read something. A
 * refusal is reported to the policy's guard (audited like any refusal) and shown as the friendly
 * "not permitted" page.
 */
@Component
public class PortalAccess {

    private final CurrentSubject subjects;
    private final AccessGuard guard;
    private final Notifications notifications;
    private final ZoneId clinicZone;

    PortalAccess(CurrentSubject subjects, AccessGuard guard, Notifications notifications,
            @Value("${salus.web.clinic-zone:America/New_York}") ZoneId clinicZone) {
        this.subjects = subjects;
        this.guard = guard;
        this.notifications = notifications;
        this.clinicZone = clinicZone;
    }

    /** The signed-in patient's own Patient id, when the policy lets them read their record. */
    public Optional<String> ownPatient() {
        return subjects.current().filter(s -> s.kind() == Subject.Kind.USER).flatMap(s -> s.fhirUserId("Patient"))
                .filter(id -> guard.visibility(Interaction.READ).permitsDirectly("Patient", id));
    }

    /** {@link #ownPatient()} or the friendly 403. */
    public String requireOwnPatient() {
        return ownPatient().orElseThrow(() -> refused("Patient"));
    }

    /** Whether the signed-in person is a family member or carer (their account is linked to a RelatedPerson). */
    public boolean isFamilyMember() {
        return subjects.current().filter(s -> s.kind() == Subject.Kind.USER).flatMap(s -> s.fhirUserId("RelatedPerson"))
                .isPresent();
    }

    /** Opens a family member's page, or the friendly 403 for anyone else. */
    public void requireFamilyMember() {
        if (!isFamilyMember()) {
            throw refused("RelatedPerson");
        }
    }

    /**
     * Opens a role's home: a patient's or family member's account may exist before the clinic links it
     * to a record, and its home then says so rather than refusing.
     */
    public void requireRole(Role role) {
        if (subjects.current().filter(s -> s.kind() == Subject.Kind.USER && s.hasRole(role)).isEmpty()) {
            throw refused(role == Role.PATIENT ? "Patient" : "RelatedPerson");
        }
    }

    /** The patients who share some of their record with the signed-in family member, now. */
    public Set<String> sharedPatients() {
        Set<String> patients = new TreeSet<>();
        if (isFamilyMember()) {
            guard.visibility(Interaction.READ).types().values().stream().filter(set -> !set.all())
                    .map(PatientSet::ids).forEach(patients::addAll);
        }
        return patients;
    }

    /** Opens a family member's page about {@code patientId}, or the friendly 403. */
    public void requireShared(String patientId) {
        if (!sharedPatients().contains(patientId)) {
            throw refused("Patient");
        }
    }

    /** Whether the signed-in person may read this part of this patient's record (else the page says "not shared"). */
    public boolean mayRead(String resourceType, String patientId) {
        Visibility visibility = guard.visibility(Interaction.READ);
        return visibility.permitsDirectly(resourceType, patientId);
    }

    /**
     * The zone the portal shows times in: the one a patient chose in their preferences (the zone their
     * reminders speak in too), else their browser's, else the clinic's.
     */
    public ZoneId zone(HttpServletRequest request) {
        return ownPatient().flatMap(notifications::preferencesOf).map(ContactPreferences::timeZone)
                .orElseGet(() -> UserTimeZone.of(request, clinicZone));
    }

    public ZoneId clinicZone() {
        return clinicZone;
    }

    private PageNotPermittedException refused(String resourceType) {
        guard.refused(Interaction.READ, new AccessedResource(resourceType, null, null));
        return new PageNotPermittedException();
    }
}
