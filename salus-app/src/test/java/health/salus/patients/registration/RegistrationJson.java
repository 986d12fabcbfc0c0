package health.salus.patients.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A registration request as the front-desk form submits it, unique per call; tests change what they test. */
final class RegistrationJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    final Map<String, Object> fields = new LinkedHashMap<>();
    final String family = "Regtest" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    RegistrationJson() {
        fields.put("name", new LinkedHashMap<>(Map.of("given", List.of("Maria", "Luisa"), "family", family,
                "prefix", "Ms")));
        fields.put("birthDate", "1985-06-15");
        fields.put("gender", "female");
        fields.put("sexForClinicalUse", "female-typical");
        fields.put("address", Map.of("lines", List.of("12 Main St", "Apt 4"), "city", "Springfield", "state", "IL",
                "postalCode", "62701", "country", "US"));
        fields.put("phone", "(217) 555-0134");
        fields.put("email", family.toLowerCase() + "@example.org");
        fields.put("preferredLanguage", "es");
        fields.put("communication", Map.of("channel", "SMS", "timeZone", "America/Chicago", "quietHoursStart",
                "21:00", "quietHoursEnd", "08:00"));
        fields.put("emergencyContact", Map.of("name", "Jose Garcia", "relationship", "spouse",
                "phone", "217-555-0199"));
        fields.put("insurance", new LinkedHashMap<>(Map.of("payerId", "acme-health", "memberId", "XAC" + family,
                "groupNumber", "G-100", "subscriberRelationship", "self")));
        fields.put("privacyConsent", Map.of("acknowledged", true));
    }

    RegistrationJson with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    @SuppressWarnings("unchecked")
    RegistrationJson withInsurance(String field, Object value) {
        ((Map<String, Object>) fields.get("insurance")).put(field, value);
        return this;
    }

    RegistrationJson without(String field) {
        fields.remove(field);
        return this;
    }

    String json() {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
