package health.salus.fhir.search;

import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import health.salus.fhir.IndexValueTransform;
import health.salus.fhir.SearchRequest;
import health.salus.fhir.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Parses the parameters of a search and plans its SQL. */
@Component
public class SearchPlanner {

    /** Parameters HAPI's response layer applies, or that do not restrict matches. */
    private static final Set<String> RESULT_PARAMS = Set.of("_count", "_offset", "_sort", "_total", "_include",
            "_revinclude", "_summary", "_elements", "_format", "_pretty", "_getpagesoffset");
    private static final Set<String> UNSUPPORTED = Set.of("_has", "_text", "_content", "_list", "_query", "_filter",
            "_contained", "_containedType", "_type");

    private final SearchParamRegistry registry;
    private final IndexValueTransform transform;
    private final int defaultPageSize;
    private final int maxPageSize;

    public SearchPlanner(SearchParamRegistry registry, IndexValueTransform transform,
            @Value("${salus.fhir.default-page-size:20}") int defaultPageSize,
            @Value("${salus.fhir.max-page-size:500}") int maxPageSize) {
        this.registry = registry;
        this.transform = transform;
        this.defaultPageSize = defaultPageSize;
        this.maxPageSize = maxPageSize;
    }

    /** Plans a search that matches only rows {@code visibility} lets the caller see, chained targets included. */
    public SearchPlan plan(SearchRequest request, Visibility visibility) {
        String type = request.resourceType();
        if (!registry.isResourceType(type)) {
            throw new InvalidRequestException("Unknown resource type '" + type + "'");
        }
        Map<String, List<String>> params = request.parameters();
        CriterionSql criteria = new CriterionSql(registry, transform, visibility);
        SqlFragment where = new SqlFragment().append("r.res_type = ? and r.deleted = false", type)
                .append(VisibilitySql.restrict(visibility, type, "r"));
        for (Map.Entry<String, List<String>> entry : params.entrySet()) {
            String key = entry.getKey();
            String bare = key.contains(":") ? key.substring(0, key.indexOf(':')) : key;
            if (RESULT_PARAMS.contains(bare)) {
                continue;
            }
            if (UNSUPPORTED.contains(bare)) {
                throw new InvalidRequestException("The search parameter '" + bare + "' is not supported");
            }
            Optional<SqlFragment> range = criteria.dateRange(type, "r", key, entry.getValue());
            if (range.isPresent()) {
                where.append(" and ").append(range.get());
                continue;
            }
            for (String andValue : entry.getValue()) {
                if (andValue == null || andValue.isEmpty()) {
                    continue;
                }
                SearchCriterion criterion = SearchCriterion.parse(key, SearchCriterion.splitOr(andValue));
                where.append(" and ").append(criteria.condition(type, "r", criterion));
            }
        }
        int count = pageSize(params);
        int offset = intParam(params, "_offset", 0);
        SqlFragment page = new SqlFragment().append("select r.id from fhir_resource r where ").append(where)
                .append(" order by ").append(new SortSql(registry, transform).orderBy(type, single(params, "_sort")))
                .append(" limit ? offset ?", count, offset);
        SqlFragment total = new SqlFragment().append("select count(*) from fhir_resource r where ").append(where);
        return new SearchPlan(type, page, total, totalMode(params), includes(params, "_include", type, false),
                includes(params, "_revinclude", type, true), offset, count);
    }

    private int pageSize(Map<String, List<String>> params) {
        int requested = intParam(params, "_count", defaultPageSize);
        return Math.min(requested, maxPageSize);
    }

    private static int intParam(Map<String, List<String>> params, String name, int fallback) {
        Optional<String> value = single(params, name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("The parameter '" + name + "' takes a whole number of 0 or more");
        }
    }

    private static Optional<String> single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    private static SearchPlan.TotalMode totalMode(Map<String, List<String>> params) {
        return switch (single(params, "_total").orElse("accurate")) {
            case "none" -> SearchPlan.TotalMode.NONE;
            case "estimate" -> SearchPlan.TotalMode.ESTIMATE;
            case "accurate" -> SearchPlan.TotalMode.ACCURATE;
            default -> throw new InvalidRequestException("The parameter '_total' takes none, estimate or accurate");
        };
    }

    private List<SearchPlan.Include> includes(Map<String, List<String>> params, String name, String searchedType,
            boolean reverse) {
        List<SearchPlan.Include> includes = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : params.entrySet()) {
            if (!entry.getKey().equals(name) && !entry.getKey().equals(name + ":iterate")
                    && !entry.getKey().equals(name + ":recurse")) {
                continue;
            }
            boolean iterate = !entry.getKey().equals(name);
            for (String value : entry.getValue()) {
                includes.add(include(value, name, searchedType, reverse, iterate));
            }
        }
        return includes;
    }

    private SearchPlan.Include include(String value, String name, String searchedType, boolean reverse,
            boolean iterate) {
        if (value.equals("*")) {
            // forward: every reference of the matches; reverse: every resource that points at them
            return new SearchPlan.Include(reverse ? SearchPlan.Include.ANY_TYPE : searchedType, Optional.empty(),
                    Optional.empty(), iterate);
        }
        String[] parts = value.split(":");
        if (parts.length < 2 || parts.length > 3 || !registry.isResourceType(parts[0])) {
            throw new InvalidRequestException("The parameter '" + name
                    + "' takes SourceType:parameter[:TargetType] or *");
        }
        if (!reverse && !iterate && !parts[0].equals(searchedType)) {
            throw new InvalidRequestException("'" + name + "' must start with the searched type " + searchedType);
        }
        if (!parts[1].equals("*")) {
            IndexedParam param = registry.find(parts[0], parts[1])
                    .filter(p -> p.kind() == RestSearchParameterTypeEnum.REFERENCE)
                    .orElseThrow(() -> new InvalidRequestException("'" + parts[1]
                            + "' is not a reference parameter of " + parts[0]));
            if (parts.length == 3 && !param.targets().contains(parts[2])) {
                throw new InvalidRequestException("'" + parts[1] + "' of " + parts[0] + " cannot point to " + parts[2]);
            }
        }
        return new SearchPlan.Include(parts[0], parts[1].equals("*") ? Optional.empty() : Optional.of(parts[1]),
                parts.length == 3 ? Optional.of(parts[2]) : Optional.empty(), iterate);
    }
}
