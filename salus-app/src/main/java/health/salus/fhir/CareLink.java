package health.salus.fhir;

import java.util.Optional;
import java.util.Set;

/**
 * One way a person is linked to a patient through the record: a resource of {@code resourceType}
 * in the patient's compartment whose reference parameter {@code param} names them, with a status
 * that is {@code requiredStatus} (when given) and none of {@code excludedStatuses}.
 */
public record CareLink(String resourceType, String param, Optional<String> requiredStatus,
        Set<String> excludedStatuses) {

    public CareLink {
        excludedStatuses = Set.copyOf(excludedStatuses);
    }
}
