package health.salus.fhir.search;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import health.salus.fhir.IndexValueTransform;
import java.util.Optional;

/** The ORDER BY for {@code _sort}; always ending on the row id so that paging is stable. */
final class SortSql {

    private final SearchParamRegistry registry;
    private final IndexValueTransform transform;

    SortSql(SearchParamRegistry registry, IndexValueTransform transform) {
        this.registry = registry;
        this.transform = transform;
    }

    SqlFragment orderBy(String resourceType, Optional<String> sort) {
        SqlFragment sql = new SqlFragment();
        if (sort.isPresent() && !sort.get().isBlank()) {
            for (String key : sort.get().split(",")) {
                boolean descending = key.startsWith("-");
                String name = descending ? key.substring(1) : key;
                sql.append(sortExpression(resourceType, name, descending)).append(descending ? " desc, " : " asc, ");
            }
        }
        return sql.append("r.id asc");
    }

    private SqlFragment sortExpression(String resourceType, String name, boolean descending) {
        switch (name) {
            case "_id":
                return new SqlFragment().append("r.fhir_id");
            case "_lastUpdated":
                return new SqlFragment().append("r.last_updated");
            default:
                IndexedParam param = registry.find(resourceType, name).orElseThrow(() -> new InvalidRequestException(
                        "Cannot sort by unknown parameter '" + name + "' of " + resourceType));
                if (transform.isIdentifying(resourceType, name)) {
                    // keyed hashes have no order that means anything
                    throw ValueConditions.keyedOnly(param, "_sort");
                }
                String column = IndexTables.sortColumn(param.kind());
                return new SqlFragment().append("(select " + (descending ? "max" : "min") + "(s." + column + ") from "
                        + IndexTables.of(param.kind()) + " s where s.resource_id = r.id and s.param = ?)", name);
        }
    }
}
