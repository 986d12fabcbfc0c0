package health.salus.fhir.store;

import health.salus.fhir.HistoryPage;
import health.salus.fhir.HistoryRequest;
import health.salus.fhir.Interaction;
import health.salus.fhir.SearchPage;
import health.salus.fhir.Visibility;
import health.salus.fhir.search.SqlFragment;
import health.salus.fhir.search.VisibilitySql;
import health.salus.fhir.search.SearchPlan;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/** Reads version history, and a patient's whole compartment for {@code $everything}. */
@Component
class HistoryReader {

    private final ResourceDao dao;
    private final AccessChecks access;

    HistoryReader(ResourceDao dao, AccessChecks access) {
        this.dao = dao;
        this.access = access;
    }

    HistoryPage read(HistoryRequest request, Visibility visibility) {
        SqlFragment visible = request.resourceType().isPresent()
                ? VisibilitySql.restrict(visibility, request.resourceType().get(), "h")
                : VisibilitySql.restrictAnyType(visibility, "h");
        StringBuilder where = new StringBuilder(" where 1 = 1").append(visible.sql());
        List<Object> args = new ArrayList<>(visible.argList());
        request.resourceType().ifPresent(type -> {
            where.append(" and h.res_type = ?");
            args.add(type);
        });
        request.id().ifPresent(id -> {
            where.append(" and h.fhir_id = ?");
            args.add(id);
        });
        request.since().ifPresent(since -> {
            where.append(" and h.last_updated >= ?");
            args.add(Timestamp.from(since));
        });
        request.at().ifPresent(at -> {
            // current during the period: made before its end, and not replaced before its start
            where.append(" and h.last_updated <= ? and not exists (select 1 from fhir_resource_history n "
                    + "where n.resource_id = h.resource_id and n.version > h.version and n.last_updated <= ?)");
            args.add(Timestamp.from(at.end()));
            args.add(Timestamp.from(at.start()));
        });
        int total = dao.count("select count(*) from fhir_resource_history h" + where, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(request.count());
        pageArgs.add(request.offset());
        List<HistoryPage.HistoryEntry> entries = dao.jdbc().query("select h.resource_id, h.res_type, h.fhir_id, "
                + "h.version, h.compartment, h.last_updated, h.deleted, h.key_id, h.body, h.method "
                + "from fhir_resource_history h" + where + " order by h.last_updated desc, h.resource_id desc, "
                + "h.version desc limit ? offset ?", (rs, n) -> {
                    ResourceRow row = ResourceDao.map(rs, n);
                    Resource resource = access.decode(visibility, row);
                    return new HistoryPage.HistoryEntry(resource, rs.getString(10), row.deleted());
                }, pageArgs.toArray());
        return new HistoryPage(entries, total, request.offset(), request.count());
    }

    /** A patient's compartment, as far as {@code visibility} reaches (the caller may see the Patient). */
    SearchPage compartment(String patientId, int offset, int count, Visibility visibility) {
        SqlFragment where = new SqlFragment().append(" where r.compartment = ? and r.deleted = false", patientId)
                .append(VisibilitySql.restrictAnyType(visibility, "r"));
        int total = dao.count("select count(*) from fhir_resource r" + where.sql(), where.args());
        // the Patient itself sorts first, then its compartment in insertion order
        List<Object> pageArgs = new ArrayList<>(where.argList());
        pageArgs.add(count);
        pageArgs.add(offset);
        List<Long> pks = dao.queryPks("select r.id from fhir_resource r" + where.sql()
                + " order by case when r.res_type = 'Patient' then 0 else 1 end, r.id limit ? offset ?",
                pageArgs.toArray());
        List<ResourceRow> rows = dao.findByPks(pks);
        Set<Long> inPage = new LinkedHashSet<>(pks);
        List<ResourceRow> referenced = new ArrayList<>();
        java.util.function.Predicate<ResourceRow> visible = access.visibleRows(visibility);
        for (ResourceRow row : IncludeQueries.forward(dao,
                new SearchPlan.Include(SearchPlan.Include.ANY_TYPE, Optional.empty(), Optional.empty(), false), rows)) {
            if (!patientId.equals(row.compartment()) && visible.test(row)
                    && inPage.add(row.pk())) {
                referenced.add(row);
            }
        }
        access.accessed(Interaction.SEARCH, AccessChecks.concat(rows, referenced));
        return new SearchPage(rows.stream().map(row -> access.decode(visibility, row)).toList(),
                referenced.stream().map(row -> access.decode(visibility, row)).toList(), Optional.of(total), offset,
                count);
    }
}
