package health.salus.patients.registration;

import java.util.List;

/**
 * A registration as the front-desk form (or an integration) submits it: plain fields, each one a form
 * control, all checked together so every mistake is reported at once. Field paths in error answers
 * name these properties ({@code name.family}, {@code insurance.payerId}).
 */
public record RegistrationRequest(
        Name name,
        String birthDate,
        /** FHIR AdministrativeGender: male, female, other, unknown */
        String gender,
        /** sex parameter for clinical use: female-typical, male-typical, specified (optional) */
        String sexForClinicalUse,
        Address address,
        String phone,
        String email,
        /** BCP 47, e.g. en, es, zh-Hant */
        String preferredLanguage,
        CommunicationPreferences communication,
        EmergencyContact emergencyContact,
        /** absent or null: self-pay */
        Insurance insurance,
        PrivacyConsent privacyConsent) {

    public record Name(List<String> given, String family, String prefix, String suffix) {
    }

    public record Address(List<String> lines, String city, String state, String postalCode, String country) {
    }

    /** channel EMAIL, SMS, VOICE or IN_APP; IANA time zone; quiet hours HH:mm in that zone, both or neither */
    public record CommunicationPreferences(String channel, String timeZone, String quietHoursStart,
            String quietHoursEnd) {
    }

    public record EmergencyContact(String name, String relationship, String phone) {
    }

    /** subscriberRelationship: a FHIR subscriber-relationship code (self when empty) */
    public record Insurance(String payerId, String memberId, String groupNumber, String subscriberRelationship) {
    }

    /** The patient acknowledged the HIPAA Notice of Privacy Practices; registration requires it. */
    public record PrivacyConsent(Boolean acknowledged) {
    }
}
