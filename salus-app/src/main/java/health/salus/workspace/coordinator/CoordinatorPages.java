package health.salus.workspace.coordinator;

import health.salus.fhir.Interaction;
import health.salus.web.PageAccess;
import health.salus.web.UserTimeZone;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who the care coordinator's pages open for, asked of the access policy: the duplicate review queue for
 * whoever may merge any patient's record (what deciding a pair takes), the confirmation calls for whoever
 * may update Tasks and Appointments (completing the call, cancelling the visit). Which patients' calls they
 * then see is the policy's answer on every search.
 */
@Component
class CoordinatorPages {

    static final String DUPLICATES = "/coordinator/duplicates";
    static final String CALLS = "/coordinator/calls";

    private final PageAccess access;
    private final ZoneId clinicZone;

    CoordinatorPages(PageAccess access, @Value("${salus.web.clinic-zone:America/New_York}") ZoneId clinicZone) {
        this.access = access;
        this.clinicZone = clinicZone;
    }

    static String duplicate(String reviewId) {
        return DUPLICATES + "/" + reviewId;
    }

    void requireReviewer() {
        access.requireForAnyPatient(Interaction.MERGE, "Patient");
    }

    void requireCalls() {
        access.require(Interaction.UPDATE, "Task");
        access.require(Interaction.UPDATE, "Appointment");
    }

    ZoneId zone(HttpServletRequest request) {
        return UserTimeZone.of(request, clinicZone);
    }
}
