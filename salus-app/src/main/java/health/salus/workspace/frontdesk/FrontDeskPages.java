package health.salus.workspace.frontdesk;

import health.salus.fhir.Interaction;
import health.salus.web.PageAccess;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who the front desk's pages open for, asked of the access policy: the schedule, patient and booking
 * pages for whoever may change any patient's appointments, registration for whoever may create any
 * patient. And the clinic's time zone, for users whose browser has not told us theirs.
 */
@Component
class FrontDeskPages {

    static final String SCHEDULE = "/front-desk";
    static final String PATIENTS = "/front-desk/patients";
    static final String REGISTER = "/front-desk/patients/new";

    private final PageAccess access;
    private final ZoneId clinicZone;

    FrontDeskPages(PageAccess access, @Value("${salus.web.clinic-zone:America/New_York}") ZoneId clinicZone) {
        this.access = access;
        this.clinicZone = clinicZone;
    }

    void requireScheduling() {
        access.requireForAnyPatient(Interaction.UPDATE, "Appointment");
    }

    void requireRegistration() {
        access.requireForAnyPatient(Interaction.CREATE, "Patient");
    }

    boolean mayRegister() {
        return access.mayForAnyPatient(Interaction.CREATE, "Patient");
    }

    ZoneId clinicZone() {
        return clinicZone;
    }
}
