package health.salus.fhir;

import java.util.Set;

/**
 * Care relationships as the record holds them, answered from the reference index without decoding
 * bodies: the access policy's questions about who is linked to whom.
 */
public interface CompartmentLinks {

    /** Whether the patient's compartment holds a live resource linking one of the members ({@link CareLinks}). */
    boolean isLinked(String compartment, CareLinks links);

    /**
     * What live {@code resourceType}s naming {@code target} in {@code byParam} point at through
     * {@code toParam}: e.g. the organisations of a practitioner's PractitionerRoles, as {@code Type/id}.
     */
    Set<String> referencesOf(String resourceType, String byParam, String target, String toParam);
}
