package health.salus.patients.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** A registration request as the front-desk form submits it, unique per call; tests change what they test. */
final class RegistrationJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    final Map<String, Object> fields = new LinkedHashMap<>();
    private static final String CONSONANTS = "bdfgklmnprstvz";
    private static final String VOWELS = "aeiou";
    private final Random random = new Random(UUID.randomUUID().getMostSignificantBits());
    /** pronounceable and different in its first sounds, so the patient index sees someone new */
    final String family = pronounceable(6);
    final String birthDate = String.format("%d-%02d-%02d", 1940 + random.nextInt(70), 1 + random.nextInt(12),
            1 + random.nextInt(28));
    /** ten NANP digits (555 exchange); the E.164 form is "+1" and these */
    final String phoneDigits = String.format("%03d555%04d", 200 + random.nextInt(700), random.nextInt(10000));

    RegistrationJson() {
        fields.put("name", new LinkedHashMap<>(Map.of("given", List.of("Maria", "Luisa"), "family", family,
                "prefix", "Ms")));
        fields.put("birthDate", birthDate);
        fields.put("gender", "female");
        fields.put("sexForClinicalUse", "female-typical");
        fields.put("address", Map.of("lines", List.of((1 + random.nextInt(9000)) + " " + pronounceable(3) + " St"), "city", "Springfield", "state", "IL",
                "postalCode", "62701", "country", "US"));
        fields.put("phone", "(" + phoneDigits.substring(0, 3) + ") 555-" + phoneDigits.substring(6));
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

    private String pronounceable(int syllables) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            name.append(CONSONANTS.charAt(random.nextInt(CONSONANTS.length())));
            name.append(VOWELS.charAt(random.nextInt(VOWELS.length())));
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
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
