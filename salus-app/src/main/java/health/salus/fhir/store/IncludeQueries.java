package health.salus.fhir.store;

import health.salus.fhir.search.SearchPlan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The resources that {@code _include} and {@code _revinclude} pull in beside a page. */
final class IncludeQueries {

    private IncludeQueries() {
    }

    static List<ResourceRow> forward(ResourceDao dao, SearchPlan.Include include, List<ResourceRow> sources) {
        List<Long> pks = sources.stream()
                .filter(row -> include.sourceType().equals(SearchPlan.Include.ANY_TYPE)
                        || row.type().equals(include.sourceType()))
                .map(ResourceRow::pk).toList();
        if (pks.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(pks);
        StringBuilder sql = new StringBuilder("select target_type, target_id from fhir_idx_reference where "
                + "resource_id in (" + marks(pks.size()) + ") and target_type is not null");
        include.param().ifPresent(param -> {
            sql.append(" and param = ?");
            args.add(param);
        });
        include.targetType().ifPresent(type -> {
            sql.append(" and target_type = ?");
            args.add(type);
        });
        Map<String, Set<String>> targets = new LinkedHashMap<>();
        dao.jdbc().query(sql.toString(), rs -> {
            targets.computeIfAbsent(rs.getString(1), t -> new LinkedHashSet<>()).add(rs.getString(2));
        }, args.toArray());
        List<ResourceRow> rows = new ArrayList<>();
        targets.forEach((type, ids) -> rows.addAll(dao.findLive(type, ids)));
        return rows;
    }

    static List<ResourceRow> reverse(ResourceDao dao, SearchPlan.Include include, List<ResourceRow> targets) {
        List<ResourceRow> rows = new ArrayList<>();
        Map<String, List<String>> idsByType = new LinkedHashMap<>();
        targets.forEach(row -> idsByType.computeIfAbsent(row.type(), t -> new ArrayList<>()).add(row.id()));
        for (Map.Entry<String, List<String>> entry : idsByType.entrySet()) {
            if (include.targetType().isPresent() && !include.targetType().get().equals(entry.getKey())) {
                continue;
            }
            List<Object> args = new ArrayList<>();
            StringBuilder sql = new StringBuilder("select r.id from fhir_resource r where r.deleted = false and r.id in "
                    + "(select x.resource_id from fhir_idx_reference x where 1 = 1");
            if (!include.sourceType().equals(SearchPlan.Include.ANY_TYPE)) {
                sql.append(" and x.res_type = ?");
                args.add(include.sourceType());
            }
            include.param().ifPresent(param -> {
                sql.append(" and x.param = ?");
                args.add(param);
            });
            sql.append(" and x.target_type = ? and x.target_id in (" + marks(entry.getValue().size()) + ")) "
                    + "order by r.id limit " + (SearchExecutor.MAX_INCLUDED + 1));
            args.add(entry.getKey());
            args.addAll(entry.getValue());
            rows.addAll(dao.findByPks(dao.queryPks(sql.toString(), args.toArray())));
        }
        return rows;
    }

    static String marks(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }
}
