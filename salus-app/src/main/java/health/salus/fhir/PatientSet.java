package health.salus.fhir;

import java.util.Set;

/**
 * The patient compartments a caller may reach: every one, or just these Patient ids. Resources in no
 * compartment (practitioners, organisations, code systems) are never restricted by it.
 */
public record PatientSet(boolean all, Set<String> ids) {

    public static final PatientSet EVERY = new PatientSet(true, Set.of());
    public static final PatientSet NONE = new PatientSet(false, Set.of());

    public PatientSet {
        ids = Set.copyOf(ids);
    }

    public static PatientSet of(Set<String> ids) {
        return new PatientSet(false, ids);
    }

    public boolean contains(String compartment) {
        return compartment == null || all || ids.contains(compartment);
    }

    public PatientSet union(PatientSet other) {
        if (all || other.all) {
            return EVERY;
        }
        if (other.ids.isEmpty()) {
            return this;
        }
        java.util.Set<String> merged = new java.util.HashSet<>(ids);
        merged.addAll(other.ids);
        return of(merged);
    }

    public PatientSet intersect(PatientSet other) {
        if (all) {
            return other;
        }
        if (other.all) {
            return this;
        }
        java.util.Set<String> common = new java.util.HashSet<>(ids);
        common.retainAll(other.ids);
        return of(common);
    }
}
