package health.salus.workspace.frontdesk;

import health.salus.fhir.ResourceStore;
import health.salus.fhir.SearchRequest;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/**
 * Display names of sites, practitioners and patients for one page, read through the store as the
 * signed-in user (the directory is readable to staff; patients as far as the policy allows) and
 * remembered for the rest of the request, since a schedule names the same people many times.
 */
@Component
@RequestScope
class Directory {

    private static final int MAX_OPTIONS = 200;

    private final ResourceStore store;
    private final Map<String, String> names = new HashMap<>();

    Directory(ResourceStore store) {
        this.store = store;
    }

    /** An option of a select list: a FHIR id and what the user reads. */
    record Option(String id, String label) {
    }

    /** The sites to pick from (the first {@value #MAX_OPTIONS}), always including the one already picked. */
    List<Option> locations(Optional<String> picked) {
        List<Option> options = new java.util.ArrayList<>(store.search(new SearchRequest("Location",
                        Map.of("_count", List.of(String.valueOf(MAX_OPTIONS))))).matches().stream()
                .map(r -> new Option(r.getIdElement().getIdPart(), ((Location) r).getName())).toList());
        picked.filter(id -> options.stream().noneMatch(o -> o.id().equals(id)))
                .ifPresent(id -> options.add(new Option(id, location(id))));
        options.sort(Comparator.comparing(Option::label, Comparator.nullsLast(String::compareToIgnoreCase)));
        return options;
    }

    String location(String id) {
        return names.computeIfAbsent("Location/" + id, key -> ((Location) store.read("Location", id)).getName());
    }

    String practitioner(String id) {
        return names.computeIfAbsent("Practitioner/" + id, key -> {
            Practitioner practitioner = (Practitioner) store.read("Practitioner", id);
            return display(practitioner.getNameFirstRep());
        });
    }

    String patient(String id) {
        return names.computeIfAbsent("Patient/" + id, key -> display(((Patient) store.read("Patient", id))
                .getNameFirstRep()));
    }

    Patient readPatient(String id) {
        return (Patient) store.read("Patient", id);
    }

    static String display(HumanName name) {
        String given = String.join(" ", name.getGiven().stream().map(g -> g.getValue()).toList());
        String family = Optional.ofNullable(name.getFamily()).orElse("");
        return family.isEmpty() ? given : given.isEmpty() ? family : family + ", " + given;
    }

    static String id(Resource resource) {
        return resource.getIdElement().getIdPart();
    }
}
