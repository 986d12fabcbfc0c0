package health.salus.fhir;

import java.util.Collection;
import java.util.Set;

/**
 * Which patient compartments are linked to someone through stored resources — the care
 * relationships the access policy needs, answered from the search indexes without decoding bodies.
 */
public interface CompartmentLinks {

    /**
     * Patient ids whose compartment holds a live {@code resourceType} whose reference parameter
     * {@code param} points at one of {@code targets} ({@code Practitioner/123}), leaving out those
     * whose {@code status} is one of {@code excludedStatuses}.
     */
    Set<String> compartmentsLinkedTo(String resourceType, String param, Collection<String> targets,
            Set<String> excludedStatuses);
}
