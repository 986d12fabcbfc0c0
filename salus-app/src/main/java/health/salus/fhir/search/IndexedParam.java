package health.salus.fhir.search;

import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import java.util.List;
import java.util.Set;

/**
 * A search parameter this store indexes and searches: its name, kind, the FHIRPath expression that
 * extracts its values (its {@code |} alternatives, evaluated one by one), and for references the
 * resource types it may point to.
 */
public record IndexedParam(String resourceType, String name, RestSearchParameterTypeEnum kind, String expression,
        List<String> paths, Set<String> targets, String description) {

    public IndexedParam {
        paths = List.copyOf(paths);
        targets = Set.copyOf(targets);
    }
}
