package health.salus.fhir;

import java.util.List;
import java.util.Set;

/**
 * Patients reachable because one of {@code members} ({@code Practitioner/1}, {@code Organization/2})
 * is linked to them in one of the {@code links} ways, by a resource whose status is none of
 * {@code lapsedStatuses} (cancelled, inactive, entered in error …). The store evaluates it in SQL,
 * per request, so a new care team or a revoked consent counts at once.
 */
public record CareLinks(Set<String> members, List<CareLink> links, Set<String> lapsedStatuses) {

    public CareLinks {
        members = Set.copyOf(members);
        links = List.copyOf(links);
        lapsedStatuses = Set.copyOf(lapsedStatuses);
    }
}
