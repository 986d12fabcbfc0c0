package health.salus.fhir.search;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The search parameters of every R4 resource type, taken from the standard SearchParameter
 * definitions that HAPI ships, with their FHIRPath expressions (parsed by {@link FhirPathExpressions}). Composite
 * and special parameters are left out: the CapabilityStatement lists exactly what is here.
 */
@Component
public class SearchParamRegistry {

    private static final Set<RestSearchParameterTypeEnum> SUPPORTED = EnumSet.of(RestSearchParameterTypeEnum.STRING,
            RestSearchParameterTypeEnum.TOKEN, RestSearchParameterTypeEnum.DATE, RestSearchParameterTypeEnum.NUMBER,
            RestSearchParameterTypeEnum.QUANTITY, RestSearchParameterTypeEnum.REFERENCE, RestSearchParameterTypeEnum.URI);

    /** Parameters answered from the resource table itself rather than an index table. */
    public static final Set<String> COLUMN_PARAMS = Set.of("_id", "_lastUpdated");

    private final Map<String, Map<String, IndexedParam>> byType = new LinkedHashMap<>();
    private final Map<String, List<IndexedParam>> paramLists = new LinkedHashMap<>();

    public SearchParamRegistry(FhirContext fhirContext) {
        for (String type : new TreeSet<>(fhirContext.getResourceTypes())) {
            RuntimeResourceDefinition definition = fhirContext.getResourceDefinition(type);
            Map<String, IndexedParam> params = new LinkedHashMap<>();
            for (RuntimeSearchParam param : definition.getSearchParams()) {
                if (!SUPPORTED.contains(param.getParamType()) || COLUMN_PARAMS.contains(param.getName())) {
                    continue;
                }
                List<String> paths = param.getPathsSplitForResourceType(type).stream()
                        .map(SearchParamRegistry::singletonSafe).filter(path -> !path.isBlank()).toList();
                if (paths.isEmpty()) {
                    continue;
                }
                // alternatives are evaluated one by one: FHIRPath's union compares Quantities through a
                // UCUM service that HAPI's R4 engine does not have
                params.put(param.getName(), new IndexedParam(type, param.getName(), param.getParamType(),
                        String.join(" | ", paths), paths, targets(fhirContext, param), param.getDescription()));
            }
            addMetaParams(type, params);
            byType.put(type, Collections.unmodifiableMap(params));
            paramLists.put(type, List.copyOf(params.values()));
        }
    }

    private static void addMetaParams(String type, Map<String, IndexedParam> params) {
        params.putIfAbsent("_tag", meta(type, "_tag", RestSearchParameterTypeEnum.TOKEN, "meta.tag",
                "Tags applied to this resource"));
        params.putIfAbsent("_security", meta(type, "_security", RestSearchParameterTypeEnum.TOKEN,
                "meta.security", "Security labels applied to this resource"));
        params.putIfAbsent("_profile", meta(type, "_profile", RestSearchParameterTypeEnum.URI,
                "meta.profile", "Profiles this resource claims to conform to"));
    }

    private static IndexedParam meta(String type, String name, RestSearchParameterTypeEnum kind,
            String path, String description) {
        String expression = type + "." + path;
        return new IndexedParam(type, name, kind, expression, List.of(expression), Set.of(), description);
    }

    private static final java.util.regex.Pattern AS_OPERATOR =
            java.util.regex.Pattern.compile("\\(([^()|]+?) as ([A-Za-z]+)\\)");

    /**
     * FHIRPath's {@code as} fails on a collection of more than one item (several Observation
     * components, say); {@code ofType} means the same for indexing and accepts any number.
     */
    static String singletonSafe(String expression) {
        String rewritten = AS_OPERATOR.matcher(expression).replaceAll("$1.ofType($2)");
        return rewritten.replaceAll("\\.as\\(([A-Za-z]+)\\)", ".ofType($1)");
    }

    private static Set<String> targets(FhirContext fhirContext, RuntimeSearchParam param) {
        if (param.getParamType() != RestSearchParameterTypeEnum.REFERENCE) {
            return Set.of();
        }
        // an unrestricted reference (e.g. Provenance.target) may point to any resource type
        return param.getTargets().isEmpty() ? Set.copyOf(fhirContext.getResourceTypes()) : Set.copyOf(param.getTargets());
    }

    public boolean isResourceType(String type) {
        return byType.containsKey(type);
    }

    public Set<String> resourceTypes() {
        return byType.keySet();
    }

    public Optional<IndexedParam> find(String resourceType, String name) {
        return Optional.ofNullable(byType.getOrDefault(resourceType, Map.of()).get(name));
    }

    /** Read on every write, so an unmodifiable list built once rather than a copy per call. */
    public List<IndexedParam> params(String resourceType) {
        return paramLists.getOrDefault(resourceType, List.of());
    }
}
