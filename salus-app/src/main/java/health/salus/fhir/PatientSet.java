package health.salus.fhir;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The patient compartments a caller may reach: every one, these Patient ids, and those linked to
 * the caller by care relationships ({@code linked}, evaluated by the store). Resources in no
 * compartment (practitioners, organisations, code systems) are never restricted by it.
 */
public record PatientSet(boolean all, Set<String> ids, Optional<CareLinks> linked) {

    public static final PatientSet EVERY = new PatientSet(true, Set.of(), Optional.empty());
    public static final PatientSet NONE = new PatientSet(false, Set.of(), Optional.empty());

    public PatientSet {
        ids = Set.copyOf(ids);
    }

    public static PatientSet of(Set<String> ids) {
        return new PatientSet(false, ids, Optional.empty());
    }

    public static PatientSet linked(Set<String> ids, CareLinks links) {
        return new PatientSet(false, ids, Optional.of(links));
    }

    /** Whether the compartment is reachable without asking the database (shared, all, or a listed id). */
    public boolean containsDirectly(String compartment) {
        return compartment == null || all || ids.contains(compartment);
    }

    /** Whether the compartment is reachable, asking {@code links} about care relationships when needed. */
    public boolean contains(String compartment, CompartmentLinks links) {
        return containsDirectly(compartment) || linked.map(care -> links.isLinked(compartment, care)).orElse(false);
    }

    public PatientSet union(PatientSet other) {
        if (all || other.all) {
            return EVERY;
        }
        Set<String> merged = new HashSet<>(ids);
        merged.addAll(other.ids);
        Optional<CareLinks> links = linked.isPresent() && other.linked.isPresent()
                ? Optional.of(merge(linked.get(), other.linked.get())) : linked.or(() -> other.linked);
        return new PatientSet(false, merged, links);
    }

    private static CareLinks merge(CareLinks a, CareLinks b) {
        Set<String> members = new HashSet<>(a.members());
        members.addAll(b.members());
        java.util.List<CareLink> links = new java.util.ArrayList<>(a.links());
        b.links().stream().filter(link -> !links.contains(link)).forEach(links::add);
        Set<String> lapsed = new HashSet<>(a.lapsedStatuses());
        lapsed.addAll(b.lapsedStatuses());
        return new CareLinks(members, links, lapsed);
    }
}
