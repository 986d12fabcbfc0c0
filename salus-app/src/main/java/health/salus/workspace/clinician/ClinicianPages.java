package health.salus.workspace.clinician;

import health.salus.fhir.Interaction;
import health.salus.security.CurrentSubject;
import health.salus.security.Subject;
import health.salus.web.PageAccess;
import health.salus.web.PageNotPermittedException;
import health.salus.web.UserTimeZone;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who the clinician's pages open for: a user linked to a Practitioner (their care relationships are
 * that practitioner's) whom the access policy lets read clinical observations for some patient. Which
 * patients they then see is the policy's answer on every read, not this.
 */
@Component
class ClinicianPages {

    static final String SCHEDULE = "/clinician/schedule";
    static final String PATIENTS = "/clinician/patients";
    static final String SEARCH = "/clinician/search";
    /** the clinical type whose readability stands for "works with patients' charts" */
    static final String CLINICAL = "Observation";

    private final PageAccess access;
    private final CurrentSubject currentSubject;
    private final ZoneId clinicZone;

    ClinicianPages(PageAccess access, CurrentSubject currentSubject,
            @Value("${salus.web.clinic-zone:America/New_York}") ZoneId clinicZone) {
        this.access = access;
        this.currentSubject = currentSubject;
        this.clinicZone = clinicZone;
    }

    static String chart(String patientId) {
        return PATIENTS + "/" + patientId;
    }

    /** The signed-in clinician's Practitioner id; the friendly 403 for anyone else. */
    String requireClinician() {
        access.require(Interaction.READ, CLINICAL);
        return practitionerId().orElseThrow(PageNotPermittedException::new);
    }

    boolean isClinician() {
        return practitionerId().isPresent() && access.may(Interaction.READ, CLINICAL);
    }

    /** Whether the signed-in user may search {@code resourceType} at all (a chart section shows only then). */
    boolean maySearch(String resourceType) {
        return access.may(Interaction.SEARCH, resourceType);
    }

    ZoneId zone(HttpServletRequest request) {
        return UserTimeZone.of(request, clinicZone);
    }

    private Optional<String> practitionerId() {
        return currentSubject.current().filter(s -> s.kind() == Subject.Kind.USER)
                .flatMap(s -> s.fhirUserId("Practitioner"));
    }
}
