package health.salus.fhir.store;

import health.salus.fhir.SearchPage;
import health.salus.fhir.Interaction;
import health.salus.fhir.SearchRequest;
import health.salus.fhir.Visibility;
import health.salus.fhir.search.SearchPlan;
import health.salus.fhir.search.SearchPlanner;
import health.salus.fhir.search.SqlFragment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Runs planned searches: the page of matches, the total, then includes and reverse includes. */
@Component
class SearchExecutor {

    /** Upper bound on included resources per page, so one request cannot pull in the whole store. */
    static final int MAX_INCLUDED = 1000;
    private static final int ITERATE_DEPTH = 3;

    private final SearchPlanner planner;
    private final ResourceDao dao;
    private final AccessChecks access;

    SearchExecutor(SearchPlanner planner, ResourceDao dao, AccessChecks access) {
        this.planner = planner;
        this.dao = dao;
        this.access = access;
    }

    /** Matches and totals count only what {@code visibility} lets the caller see; includes are filtered too. */
    SearchPage search(SearchRequest request, Visibility visibility) {
        SearchPlan plan = planner.plan(request, visibility);
        List<Long> pks = plan.count() == 0 ? List.of()
                : dao.queryPks(plan.pageQuery().sql(), plan.pageQuery().args());
        List<ResourceRow> rows = dao.findByPks(pks);
        Optional<Integer> total = total(plan, pks.size());
        List<ResourceRow> included = includes(plan, rows, visibility);
        // one report for the page and its includes: one audit write per search
        access.accessed(Interaction.SEARCH, AccessChecks.concat(rows, included));
        return new SearchPage(rows.stream().map(row -> access.decode(visibility, row)).toList(),
                included.stream().map(row -> access.decode(visibility, row)).toList(), total, plan.offset(),
                plan.count());
    }

    /** Ids of every match, for conditional operations (which look at all matches, not a page). */
    List<ResourceRow> allMatches(SearchRequest request, int limit) {
        Map<String, List<String>> params = new LinkedHashMap<>(request.parameters());
        params.put("_count", List.of(Integer.toString(limit)));
        SearchPlan plan = planner.plan(new SearchRequest(request.resourceType(), params), Visibility.everything());
        return dao.findByPks(dao.queryPks(plan.pageQuery().sql(), plan.pageQuery().args()));
    }

    private Optional<Integer> total(SearchPlan plan, int pageSize) {
        if (plan.totalMode() == SearchPlan.TotalMode.NONE) {
            return Optional.empty();
        }
        if (pageSize > 0 && pageSize < plan.count() || plan.offset() == 0 && pageSize == 0 && plan.count() > 0) {
            // a short page is the last one, so the total is known without counting
            return Optional.of(plan.offset() + pageSize);
        }
        SqlFragment count = plan.countQuery();
        return Optional.of(dao.count(count.sql(), count.args()));
    }

    private List<ResourceRow> includes(SearchPlan plan, List<ResourceRow> page, Visibility visibility) {
        if (page.isEmpty() || plan.includes().isEmpty() && plan.revIncludes().isEmpty()) {
            return List.of();
        }
        Set<Long> seen = new LinkedHashSet<>();
        page.forEach(row -> seen.add(row.pk()));
        List<ResourceRow> included = new ArrayList<>();
        List<ResourceRow> frontier = page;
        java.util.function.Predicate<ResourceRow> visible = access.visibleRows(visibility);
        for (int depth = 0; depth < ITERATE_DEPTH && !frontier.isEmpty() && included.size() < MAX_INCLUDED; depth++) {
            List<ResourceRow> found = new ArrayList<>();
            for (SearchPlan.Include include : plan.includes()) {
                if (depth == 0 || include.iterate()) {
                    found.addAll(IncludeQueries.forward(dao, include, frontier));
                }
            }
            for (SearchPlan.Include include : plan.revIncludes()) {
                if (depth == 0 || include.iterate()) {
                    found.addAll(IncludeQueries.reverse(dao, include, frontier));
                }
            }
            List<ResourceRow> fresh = new ArrayList<>();
            for (ResourceRow row : found) {
                // hidden resources neither appear nor lead further
                if (seen.add(row.pk()) && included.size() < MAX_INCLUDED
                        && visible.test(row)) {
                    fresh.add(row);
                    included.add(row);
                }
            }
            frontier = fresh;
        }
        return Collections.unmodifiableList(included);
    }
}
