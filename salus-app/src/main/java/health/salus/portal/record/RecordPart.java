package health.salus.portal.record;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of a record a patient can share with a family member, in words they know, each the FHIR
 * resource types the access policy checks. A family member's grant always includes the Patient
 * resource too ({@link #ALWAYS_SHARED}): without it they could not see whose record it is.
 */
public enum RecordPart {
    APPOINTMENTS("appointments", List.of("Appointment")),
    VISITS("visits", List.of("Encounter")),
    CONDITIONS("conditions", List.of("Condition")),
    ALLERGIES("allergies", List.of("AllergyIntolerance")),
    MEDICATIONS("medications", List.of("MedicationRequest", "MedicationStatement")),
    IMMUNIZATIONS("immunizations", List.of("Immunization")),
    RESULTS("results", List.of("Observation", "DiagnosticReport"));

    public static final String ALWAYS_SHARED = "Patient";

    private final String key;
    private final List<String> resourceTypes;

    RecordPart(String key, List<String> resourceTypes) {
        this.key = key;
        this.resourceTypes = resourceTypes;
    }

    /** The key in forms and message keys ({@code portal.part.<key>}). */
    public String key() {
        return key;
    }

    public List<String> resourceTypes() {
        return resourceTypes;
    }

    public static Optional<RecordPart> byKey(String key) {
        return Arrays.stream(values()).filter(part -> part.key.equals(key)).findFirst();
    }

    /** The resource types a grant of these parts lists, the always-shared Patient first. */
    public static List<String> resourceTypesOf(Set<RecordPart> parts) {
        Set<String> types = new LinkedHashSet<>(List.of(ALWAYS_SHARED));
        Arrays.stream(values()).filter(parts::contains).forEach(part -> types.addAll(part.resourceTypes));
        return List.copyOf(types);
    }

    /** The parts a grant's resource types cover (every part when the grant lists no types: the whole record). */
    public static List<RecordPart> coveredBy(Set<String> resourceTypes) {
        return Arrays.stream(values()).filter(part -> resourceTypes.isEmpty()
                || part.resourceTypes.stream().anyMatch(resourceTypes::contains)).toList();
    }
}
