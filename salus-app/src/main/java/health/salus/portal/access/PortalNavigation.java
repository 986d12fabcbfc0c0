package health.salus.portal.access;

import health.salus.fhir.Interaction;
import health.salus.web.NavigationLinks;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The patient's header links, shown only to someone with a record of their own: staff may also create
 * Consents and read Appointments (of their patients), so the policy's answer alone would show them
 * the portal's links too. The shell still asks the policy about each link.
 */
@Component
class PortalNavigation implements NavigationLinks {

    private final PortalAccess access;

    PortalNavigation(PortalAccess access) {
        this.access = access;
    }

    @Override
    public List<Link> links() {
        if (access.ownPatient().isEmpty()) {
            return List.of();
        }
        return List.of(
                new Link("portal.nav.appointments", PortalPaths.APPOINTMENTS, Interaction.READ, "Appointment", false),
                new Link("portal.nav.record", PortalPaths.RECORD, Interaction.READ, "Patient", false),
                new Link("portal.nav.accesses", PortalPaths.ACCESSES, Interaction.READ, "Patient", false),
                new Link("portal.nav.sharing", PortalPaths.SHARING, Interaction.CREATE, "Consent", false),
                new Link("portal.nav.preferences", PortalPaths.PREFERENCES, Interaction.READ, "Patient", false));
    }
}
