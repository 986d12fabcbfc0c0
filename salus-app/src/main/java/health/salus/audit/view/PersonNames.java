package health.salus.audit.view;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import health.salus.fhir.ResourceStore;
import health.salus.security.Accounts;
import health.salus.security.SystemAccess;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * The name a person reads for whoever acted: the trail holds account ids only, so the name comes
 * from the Practitioner or RelatedPerson the account is linked to, read through the store as Salus
 * itself (audited as SYSTEM). One instance per report: names are remembered for that report only.
 */
@Component
public class PersonNames {

    private final Accounts accounts;
    private final ResourceStore store;
    private final SystemAccess systemAccess;

    PersonNames(Accounts accounts, ResourceStore store, SystemAccess systemAccess) {
        this.accounts = accounts;
        this.store = store;
        this.systemAccess = systemAccess;
    }

    /** A lookup for one report. */
    public Lookup lookup() {
        return new Lookup();
    }

    /** Names of the actors of one report, each resolved once. */
    public final class Lookup {

        private final Map<String, String> names = new HashMap<>();

        private Lookup() {
        }

        public String nameOf(String actorId) {
            return names.computeIfAbsent(String.valueOf(actorId), this::resolve);
        }

        /** The person's name when their account is linked to a named Practitioner or RelatedPerson. */
        public Optional<String> knownName(String actorId) {
            return actorId == null || actorId.startsWith("client:") ? Optional.empty()
                    : linkOf(actorId).flatMap(this::read);
        }

        /** The resource an account is linked to ({@code Practitioner/x}), if any. */
        public Optional<String> linkOf(String actorId) {
            return actorId == null || actorId.contains(":") ? Optional.empty() : accounts.fhirUserOf(actorId);
        }

        private String resolve(String actorId) {
            if (actorId.startsWith("client:")) {
                return "a connected system (" + actorId.substring("client:".length()) + ")";
            }
            return linkOf(actorId).flatMap(this::read).orElse("a Salus user");
        }

        private Optional<String> read(String reference) {
            String[] parts = reference.split("/");
            if (parts.length != 2 || !(parts[0].equals("Practitioner") || parts[0].equals("RelatedPerson"))) {
                return Optional.empty();
            }
            try {
                Resource resource = systemAccess.call("audit-report-names", () -> store.read(parts[0], parts[1]));
                HumanName name = resource instanceof Practitioner p && p.hasName() ? p.getNameFirstRep()
                        : resource instanceof RelatedPerson r && r.hasName() ? r.getNameFirstRep() : null;
                return Optional.ofNullable(name).map(HumanName::getNameAsSingleString).filter(n -> !n.isBlank());
            } catch (BaseServerResponseException e) {
                // deleted or never stored: the report still lists the access, without a name
                return Optional.empty();
            }
        }
    }
}
