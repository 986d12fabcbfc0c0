package health.salus.workspace.coordinator;

import health.salus.fhir.Interaction;
import health.salus.web.NavigationLinks;
import java.util.List;
import org.springframework.stereotype.Component;

/** The care coordinator's header links, each shown to whoever the policy lets do what its page asks. */
@Component
class CoordinatorNavigation implements NavigationLinks {

    @Override
    public List<Link> links() {
        return List.of(
                new Link("coordinator.nav.calls", CoordinatorPages.CALLS, Interaction.UPDATE, "Task", false),
                new Link("coordinator.nav.duplicates", CoordinatorPages.DUPLICATES, Interaction.MERGE, "Patient",
                        true));
    }
}
