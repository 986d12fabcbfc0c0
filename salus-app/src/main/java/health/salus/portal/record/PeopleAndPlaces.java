package health.salus.portal.record;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import health.salus.fhir.ResourceStore;
import health.salus.web.DisplayText;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/**
 * Names of the providers, sites, family members and patients a page mentions, read through the store
 * as the signed-in person and remembered for the rest of the request (a list names the same provider
 * many times). A name the person may not read, or that is gone, is empty: the page says "not known".
 */
@Component
@RequestScope
public class PeopleAndPlaces {

    private final ResourceStore store;
    private final Map<String, Optional<String>> names = new HashMap<>();

    PeopleAndPlaces(ResourceStore store) {
        this.store = store;
    }

    /** The display name of {@code Practitioner/x}, {@code Location/x}, {@code RelatedPerson/x} or {@code Patient/x}. */
    public Optional<String> nameOf(String reference) {
        return names.computeIfAbsent(reference, this::read);
    }

    private Optional<String> read(String reference) {
        String[] parts = reference.split("/");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            Resource resource = store.read(parts[0], parts[1]);
            String name = "";
            if (resource instanceof Practitioner p && p.hasName()) {
                name = DisplayText.name(p.getNameFirstRep());
            } else if (resource instanceof RelatedPerson r && r.hasName()) {
                name = DisplayText.name(r.getNameFirstRep());
            } else if (resource instanceof Patient p && p.hasName()) {
                name = DisplayText.name(p.getNameFirstRep());
            } else if (resource instanceof Location l && l.hasName()) {
                name = l.getName();
            }
            return Optional.of(name).filter(n -> !n.isBlank());
        } catch (BaseServerResponseException e) {
            return Optional.empty();
        }
    }
}
