package health.salus.fhir.search;

import ca.uhn.fhir.fhirpath.IFhirPath;
import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import java.util.List;
import java.util.Set;

/**
 * A search parameter this store indexes and searches: its name, kind, the FHIRPath expression that
 * extracts its values (each {@code |} alternative parsed once, separately), and for references the
 * resource types it may point to.
 */
public record IndexedParam(String resourceType, String name, RestSearchParameterTypeEnum kind, String expression,
        List<IFhirPath.IParsedExpression> parsed, Set<String> targets, String description) {

    public IndexedParam {
        parsed = List.copyOf(parsed);
        targets = Set.copyOf(targets);
    }
}
