package health.salus.fhir.search;

import ca.uhn.fhir.fhirpath.IFhirPath;
import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import java.util.Set;

/**
 * A search parameter this store indexes and searches: its name, kind, the FHIRPath expression
 * (parsed once) that extracts its values, and for references the resource types it may point to.
 */
public record IndexedParam(String resourceType, String name, RestSearchParameterTypeEnum kind, String expression,
        IFhirPath.IParsedExpression parsed, Set<String> targets, String description) {
}
