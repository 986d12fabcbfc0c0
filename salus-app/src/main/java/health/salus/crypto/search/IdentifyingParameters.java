package health.salus.crypto.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The search parameters whose values identify a person, per resource type: the table in
 * {@code docs/adr/0006-searchable-identifiers.md}, as data. Everything not listed is indexed in
 * plaintext. {@code address-state} and {@code address-country} stay plain on purpose: a state or
 * country names millions of people, and population queries need them.
 */
final class IdentifyingParameters {

    /** The people: patients, their relatives, other persons, and practitioners, who are people too. */
    static final List<String> PERSON_TYPES = List.of("Patient", "RelatedPerson", "Person", "Practitioner");

    private static final Map<String, ValueKind> PERSON_PARAMETERS = Map.ofEntries(
            Map.entry("name", ValueKind.NAME),
            Map.entry("family", ValueKind.NAME),
            Map.entry("given", ValueKind.NAME),
            Map.entry("phonetic", ValueKind.PHONETIC),
            Map.entry("address", ValueKind.ADDRESS),
            Map.entry("address-city", ValueKind.ADDRESS),
            Map.entry("address-postalcode", ValueKind.ADDRESS),
            Map.entry("telecom", ValueKind.TELECOM),
            Map.entry("phone", ValueKind.PHONE),
            Map.entry("email", ValueKind.EMAIL),
            Map.entry("identifier", ValueKind.IDENTIFIER));

    /** Other resources that carry a person's identifier or personal contact details. */
    private static final Map<String, Map<String, ValueKind>> OTHER_TYPES = Map.of(
            // member and policy identifiers (R4 has no subscriber-id parameter; subscriberId is not searchable)
            "Coverage", Map.of("identifier", ValueKind.IDENTIFIER),
            // a practitioner's own work phone and e-mail, reachable through the role
            "PractitionerRole", Map.of("telecom", ValueKind.TELECOM, "phone", ValueKind.PHONE,
                    "email", ValueKind.EMAIL));

    private final Map<String, Map<String, ValueKind>> byType;

    IdentifyingParameters() {
        Map<String, Map<String, ValueKind>> all = new HashMap<>(OTHER_TYPES);
        PERSON_TYPES.forEach(type -> all.put(type, PERSON_PARAMETERS));
        this.byType = Map.copyOf(all);
    }

    Optional<ValueKind> kind(String resourceType, String parameter) {
        Map<String, ValueKind> params = byType.get(resourceType);
        return params == null ? Optional.empty() : Optional.ofNullable(params.get(parameter));
    }

    /** Every identifying parameter, as "Type.parameter", for documentation and tests. */
    Map<String, Map<String, ValueKind>> all() {
        return byType;
    }
}
