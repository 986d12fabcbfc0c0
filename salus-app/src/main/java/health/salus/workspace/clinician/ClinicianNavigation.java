package health.salus.workspace.clinician;

import health.salus.fhir.Interaction;
import health.salus.web.NavigationLinks;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The clinician's header links: only for users linked to a Practitioner (a patient may read their own
 * observations too, but has no schedule or panel), and then only as far as the policy allows.
 */
@Component
class ClinicianNavigation implements NavigationLinks {

    private final ClinicianPages pages;

    ClinicianNavigation(ClinicianPages pages) {
        this.pages = pages;
    }

    @Override
    public List<Link> links() {
        if (!pages.isClinician()) {
            return List.of();
        }
        return List.of(
                new Link("clinician.nav.schedule", ClinicianPages.SCHEDULE, Interaction.SEARCH, "Appointment", false),
                new Link("clinician.nav.patients", ClinicianPages.PATIENTS, Interaction.READ, ClinicianPages.CLINICAL,
                        false),
                new Link("clinician.nav.search", ClinicianPages.SEARCH, Interaction.SEARCH, "Patient", false));
    }
}
