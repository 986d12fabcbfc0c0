package health.salus.fhir.store;

import health.salus.fhir.CareLinks;
import health.salus.fhir.CompartmentLinks;
import health.salus.fhir.search.CareLinkSql;
import health.salus.fhir.search.SqlFragment;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

@Component
class JdbcCompartmentLinks implements CompartmentLinks {

    private final ResourceDao dao;

    JdbcCompartmentLinks(ResourceDao dao) {
        this.dao = dao;
    }

    @Override
    public boolean isLinked(String compartment, CareLinks links) {
        if (compartment == null) {
            return true;
        }
        SqlFragment exists = CareLinkSql.exists(links, "?", compartment);
        Integer linked = dao.jdbc().queryForObject("select case when " + exists.sql() + " then 1 else 0 end",
                Integer.class, exists.args());
        return linked != null && linked == 1;
    }

    @Override
    public Set<String> referencesOf(String resourceType, String byParam, String target, String toParam) {
        int slash = target.indexOf('/');
        return new HashSet<>(dao.jdbc().queryForList("select t.target_type || '/' || t.target_id "
                + "from fhir_idx_reference t where t.res_type = ? and t.param = ? and t.target_type is not null "
                + "and t.resource_id in (select f.resource_id from fhir_idx_reference f where f.res_type = ? "
                + "and f.param = ? and f.target_type = ? and f.target_id = ?)", String.class, resourceType, toParam,
                resourceType, byParam, target.substring(0, slash), target.substring(slash + 1)));
    }
}
