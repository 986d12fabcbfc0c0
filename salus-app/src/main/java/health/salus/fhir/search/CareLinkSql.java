package health.salus.fhir.search;

import health.salus.fhir.CareLink;
import health.salus.fhir.CareLinks;

/**
 * {@code exists (…)} for "the compartment {@code compartmentSql} holds a live resource linking one of
 * the members": one probe of the reference index by (target, compartment) per member. Kept to one
 * status subquery because PostgreSQL plans it for every search of a clinician.
 */
public final class CareLinkSql {

    private CareLinkSql() {
    }

    public static SqlFragment exists(CareLinks links, String compartmentSql, Object... compartmentArgs) {
        SqlFragment sql = new SqlFragment().append("exists (select 1 from fhir_idx_reference cl where cl.compartment = "
                + compartmentSql, compartmentArgs);
        sql.append(" and (1 = 0");
        for (String member : links.members()) {
            int slash = member.indexOf('/');
            sql.append(" or (cl.target_type = ? and cl.target_id = ?)", member.substring(0, slash),
                    member.substring(slash + 1));
        }
        sql.append(") and (1 = 0");
        for (CareLink link : links.links()) {
            sql.append(" or (cl.res_type = ? and cl.param = ?)", link.resourceType(), link.param());
        }
        sql.append(")");
        if (!links.lapsedStatuses().isEmpty()) {
            sql.append(" and not exists (select 1 from fhir_idx_token cx where cx.resource_id = cl.resource_id "
                    + "and cx.param = 'status' and cx.code in (");
            boolean first = true;
            for (String status : links.lapsedStatuses()) {
                sql.append(first ? "?" : ", ?", status);
                first = false;
            }
            sql.append("))");
        }
        return sql.append(")");
    }
}
