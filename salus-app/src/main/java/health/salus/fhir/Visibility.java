package health.salus.fhir;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the access policy lets one caller reach for one kind of interaction: per resource type, the
 * patient compartments it may touch, and top-level elements it must not see (masking obligations).
 * A type absent from {@code types} is denied unless {@code otherTypes} covers it.
 */
public record Visibility(Map<String, PatientSet> types, Optional<PatientSet> otherTypes,
        Map<String, Set<String>> masks) {

    public Visibility {
        types = Map.copyOf(types);
        masks = Map.copyOf(masks);
    }

    /** Everything, unmasked: for the system itself (migrations, demo loading, the policy's own lookups). */
    public static Visibility everything() {
        return new Visibility(Map.of(), Optional.of(PatientSet.EVERY), Map.of());
    }

    public Optional<PatientSet> forType(String resourceType) {
        PatientSet patients = types.get(resourceType);
        return patients != null ? Optional.of(patients) : otherTypes;
    }

    public boolean permitsType(String resourceType) {
        return forType(resourceType).isPresent();
    }

    /**
     * Whether a resource is visible without asking the database. False can still mean "visible
     * through a care relationship": the store resolves those ({@link PatientSet#linked()}).
     */
    public boolean permitsDirectly(String resourceType, String compartment) {
        return forType(resourceType).map(patients -> patients.containsDirectly(compartment)).orElse(false);
    }

    /** Whether a resource is visible, asking {@code links} about care relationships where a list does not say. */
    public boolean permits(String resourceType, String compartment, CompartmentLinks links) {
        return forType(resourceType).map(patients -> patients.contains(compartment, links)).orElse(false);
    }

    public Set<String> masked(String resourceType) {
        return masks.getOrDefault(resourceType, Set.of());
    }
}
