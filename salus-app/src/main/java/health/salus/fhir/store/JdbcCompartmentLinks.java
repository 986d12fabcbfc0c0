package health.salus.fhir.store;

import health.salus.fhir.CompartmentLinks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

@Component
class JdbcCompartmentLinks implements CompartmentLinks {

    private final ResourceDao dao;

    JdbcCompartmentLinks(ResourceDao dao) {
        this.dao = dao;
    }

    @Override
    public Set<String> compartmentsLinkedTo(String resourceType, String param, Collection<String> targets,
            Set<String> excludedStatuses) {
        Set<String> compartments = new HashSet<>();
        for (String target : targets) {
            int slash = target.indexOf('/');
            if (slash < 1) {
                continue;
            }
            List<Object> args = new ArrayList<>(List.of(resourceType, param, target.substring(slash + 1),
                    target.substring(0, slash)));
            StringBuilder sql = new StringBuilder("select distinct r.compartment from fhir_idx_reference x "
                    + "join fhir_resource r on r.id = x.resource_id where x.res_type = ? and x.param = ? "
                    + "and x.target_id = ? and x.target_type = ? and r.deleted = false and r.compartment is not null");
            if (!excludedStatuses.isEmpty()) {
                sql.append(" and not exists (select 1 from fhir_idx_token s where s.resource_id = r.id "
                        + "and s.res_type = ? and s.param = 'status' and s.code in (")
                        .append(IncludeQueries.marks(excludedStatuses.size())).append("))");
                args.add(resourceType);
                args.addAll(excludedStatuses);
            }
            compartments.addAll(dao.jdbc().queryForList(sql.toString(), String.class, args.toArray()));
        }
        return compartments;
    }
}
