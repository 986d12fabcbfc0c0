package health.salus.workspace.frontdesk;

import health.salus.patients.registration.RegistrationRequest;
import java.util.List;
import java.util.Map;

/**
 * The front desk's registration form, one field per control, as the browser posts it. The service's
 * field paths map back to these controls for error messages ({@link #CONTROLS}).
 */
record RegistrationForm(String given, String family, String birthDate, String gender, String phone, String email,
        String addressLine, String city, String state, String postalCode, String preferredLanguage, String payerId,
        String memberId, Boolean privacyAcknowledged, Boolean registerAnyway) {

    static final Map<String, String> CONTROLS = Map.ofEntries(Map.entry("name.given", "given"),
            Map.entry("name.family", "family"), Map.entry("birthDate", "birthDate"), Map.entry("gender", "gender"),
            Map.entry("phone", "phone"), Map.entry("email", "email"), Map.entry("address.lines", "addressLine"),
            Map.entry("address.city", "city"), Map.entry("address.state", "state"),
            Map.entry("address.postalCode", "postalCode"), Map.entry("preferredLanguage", "preferredLanguage"),
            Map.entry("insurance.payerId", "payerId"), Map.entry("insurance.memberId", "memberId"),
            Map.entry("privacyConsent.acknowledged", "privacyAcknowledged"));

    static RegistrationForm empty() {
        return new RegistrationForm("", "", "", "", "", "", "", "", "", "", "", "", "", false, false);
    }

    RegistrationRequest toRequest() {
        boolean insured = !blank(payerId) || !blank(memberId);
        return new RegistrationRequest(new RegistrationRequest.Name(List.of(text(given)), text(family), null, null),
                text(birthDate), text(gender), null,
                new RegistrationRequest.Address(List.of(text(addressLine)), text(city), text(state), text(postalCode),
                        "US"),
                text(phone), text(email), blank(preferredLanguage) ? null : preferredLanguage.strip(), null, null,
                insured ? new RegistrationRequest.Insurance(text(payerId), text(memberId), null, null) : null,
                new RegistrationRequest.PrivacyConsent(Boolean.TRUE.equals(privacyAcknowledged)));
    }

    boolean confirmedDespiteDuplicates() {
        return Boolean.TRUE.equals(registerAnyway);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
