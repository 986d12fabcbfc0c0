package health.salus.workspace.frontdesk;

import health.salus.fhir.Interaction;
import health.salus.web.NavigationLinks;
import java.util.List;
import org.springframework.stereotype.Component;

/** The front desk's header links, shown to whoever the policy gives the front desk's reach. */
@Component
class FrontDeskNavigation implements NavigationLinks {

    @Override
    public List<Link> links() {
        return List.of(
                new Link("frontdesk.nav.schedule", FrontDeskPages.SCHEDULE, Interaction.UPDATE, "Appointment", true),
                new Link("frontdesk.nav.patients", FrontDeskPages.PATIENTS, Interaction.UPDATE, "Appointment", true),
                new Link("frontdesk.nav.register", FrontDeskPages.REGISTER, Interaction.CREATE, "Patient", true));
    }
}
