package health.salus.fhir.search;

import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import health.salus.fhir.IndexValueTransform;
import health.salus.fhir.Visibility;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns one search criterion into a SQL condition on a resource row alias. Values a person could be
 * identified by never appear in error messages: only parameter names do.
 */
final class CriterionSql {

    private final SearchParamRegistry registry;
    private final IndexValueTransform transform;
    private final ValueConditions values;
    private final Visibility visibility;
    private int aliasCounter;

    CriterionSql(SearchParamRegistry registry, IndexValueTransform transform, Visibility visibility) {
        this.registry = registry;
        this.transform = transform;
        this.visibility = visibility;
        this.values = new ValueConditions();
    }

    SqlFragment condition(String resourceType, String alias, SearchCriterion criterion) {
        if (criterion.param().equals("_id")) {
            return idCondition(alias, criterion);
        }
        if (criterion.param().equals("_lastUpdated")) {
            return values.lastUpdated(alias, criterion);
        }
        IndexedParam param = registry.find(resourceType, criterion.param()).orElseThrow(
                () -> new InvalidRequestException("Unknown search parameter '" + criterion.param()
                        + "' for resource type " + resourceType));
        if (criterion.chain().isPresent()) {
            return chained(alias, param, criterion);
        }
        Optional<String> modifier = criterion.modifier();
        if (modifier.isPresent() && modifier.get().equals("missing")) {
            return missing(alias, param, criterion);
        }
        boolean negate = modifier.isPresent() && modifier.get().equals("not");
        if (negate && param.kind() != RestSearchParameterTypeEnum.TOKEN) {
            throw unsupportedModifier(param, "not");
        }
        SqlFragment matches = new SqlFragment();
        String table = IndexTables.of(param.kind());
        String idx = nextAlias("i");
        // negations are correlated NOT EXISTS: PostgreSQL never turns NOT IN into an anti-join
        matches.append(negate ? "select 1" : "select " + idx + ".resource_id");
        String correlation = negate ? idx + ".resource_id = " + alias + ".id and " : "";
        matches.append(" from " + table + " " + idx + " where " + correlation + idx + ".res_type = ? and " + idx
                + ".param = ? and (", param.resourceType(), param.name());
        boolean first = true;
        for (String raw : criterion.orValues()) {
            if (!first) {
                matches.append(" or ");
            }
            first = false;
            matches.append("(").append(valueCondition(idx, param, negate ? Optional.empty() : modifier, raw))
                    .append(")");
        }
        matches.append(")");
        return new SqlFragment().append(negate ? "not exists (" : alias + ".id in (").append(matches).append(")");
    }

    /**
     * {@code date=ge2020&date=lt2021} reads as one range, so both bounds apply to the same indexed
     * value, as clients mean it; it is also one index range scan instead of two half-open ones.
     */
    Optional<SqlFragment> dateRange(String resourceType, String alias, String key, List<String> andValues) {
        if (andValues.size() < 2 || key.contains(":") || key.contains(".")
                || andValues.stream().anyMatch(v -> v == null || v.isEmpty()
                        || SearchCriterion.splitOr(v).size() != 1)) {
            return Optional.empty();
        }
        Optional<IndexedParam> param = registry.find(resourceType, key)
                .filter(p -> p.kind() == RestSearchParameterTypeEnum.DATE);
        if (param.isEmpty()) {
            return Optional.empty();
        }
        String idx = nextAlias("i");
        SqlFragment sql = new SqlFragment().append(alias + ".id in (select " + idx + ".resource_id from fhir_idx_date "
                + idx + " where " + idx + ".res_type = ? and " + idx + ".param = ?", resourceType, key);
        for (String value : andValues) {
            sql.append(" and (").append(values.date(idx, param.get(), Optional.empty(), value)).append(")");
        }
        return Optional.of(sql.append(")"));
    }

    private SqlFragment valueCondition(String idx, IndexedParam param, Optional<String> modifier, String raw) {
        Optional<IndexValueTransform> identifying = transform.isIdentifying(param.resourceType(), param.name())
                ? Optional.of(transform) : Optional.empty();
        return switch (param.kind()) {
            case STRING -> values.string(idx, param, modifier, raw, identifying);
            case TOKEN -> values.token(idx, param, modifier, raw, identifying);
            case DATE -> values.date(idx, param, modifier, raw);
            case NUMBER -> values.number(idx, param, modifier, raw);
            case QUANTITY -> values.quantity(idx, param, modifier, raw);
            case REFERENCE -> values.reference(idx, param, modifier, raw);
            case URI -> values.uri(idx, param, modifier, raw);
            default -> throw new InvalidRequestException("Search parameter '" + param.name() + "' is not supported");
        };
    }

    private SqlFragment missing(String alias, IndexedParam param, SearchCriterion criterion) {
        if (criterion.orValues().size() != 1 || !Set.of("true", "false").contains(criterion.orValues().get(0))) {
            throw new InvalidRequestException("The :missing modifier of '" + param.name() + "' takes true or false");
        }
        boolean missing = criterion.orValues().get(0).equals("true");
        String idx = nextAlias("m");
        return new SqlFragment().append((missing ? "not exists" : "exists") + " (select 1 from "
                + IndexTables.of(param.kind()) + " " + idx + " where " + idx + ".resource_id = " + alias + ".id and "
                + idx + ".res_type = ? and " + idx + ".param = ?)", param.resourceType(), param.name());
    }

    private SqlFragment chained(String alias, IndexedParam param, SearchCriterion criterion) {
        if (param.kind() != RestSearchParameterTypeEnum.REFERENCE) {
            throw new InvalidRequestException("Only reference parameters can be chained; '" + param.name()
                    + "' is not one");
        }
        String chainedParam = criterion.chain().orElseThrow();
        List<String> targetTypes = criterion.modifier().map(List::of).orElseGet(() -> param.targets().stream()
                .filter(type -> registry.find(type, SearchCriterion.parse(chainedParam, List.of()).param()).isPresent()
                        || SearchParamRegistry.COLUMN_PARAMS.contains(chainedParam))
                .sorted().collect(Collectors.toList()));
        if (targetTypes.isEmpty() || !targetTypes.stream().allMatch(param.targets()::contains)) {
            throw new InvalidRequestException("Cannot chain '" + chainedParam + "' through '" + param.name() + "'");
        }
        SearchCriterion inner = SearchCriterion.parse(chainedParam, criterion.orValues());
        String ref = nextAlias("c");
        SqlFragment sql = new SqlFragment().append(alias + ".id in (select " + ref + ".resource_id from fhir_idx_reference "
                + ref + " where " + ref + ".res_type = ? and " + ref + ".param = ? and (", param.resourceType(),
                param.name());
        boolean first = true;
        for (String targetType : targetTypes) {
            String target = nextAlias("t");
            sql.append(first ? "" : " or ");
            first = false;
            sql.append("(" + ref + ".target_type = ? and " + ref + ".target_id in (select " + target
                    + ".fhir_id from fhir_resource " + target + " where " + target + ".res_type = ? and " + target
                    + ".deleted = false", targetType, targetType);
            // a chain may only match through targets the caller could see, or it would reveal hidden patients
            if (!visibility.permitsType(targetType)) {
                sql.append(" and 1 = 0");
            }
            sql.append(VisibilitySql.restrict(visibility, targetType, target));
            sql.append(" and ").append(condition(targetType, target, inner)).append("))");
        }
        return sql.append("))");
    }

    private SqlFragment idCondition(String alias, SearchCriterion criterion) {
        if (criterion.modifier().isPresent() && !criterion.modifier().get().equals("not")) {
            throw new InvalidRequestException("The _id parameter takes no :" + criterion.modifier().get() + " modifier");
        }
        boolean negate = criterion.modifier().isPresent();
        SqlFragment sql = new SqlFragment().append(alias + ".fhir_id " + (negate ? "not in" : "in") + " (");
        for (int i = 0; i < criterion.orValues().size(); i++) {
            sql.append(i == 0 ? "?" : ", ?", SearchCriterion.unescape(criterion.orValues().get(i)));
        }
        return sql.append(")");
    }

    private String nextAlias(String prefix) {
        return prefix + (++aliasCounter);
    }

    static InvalidRequestException unsupportedModifier(IndexedParam param, String modifier) {
        return new InvalidRequestException("The modifier :" + modifier + " is not supported on parameter '"
                + param.name() + "'");
    }
}
