package health.salus.patients.registration;

import health.salus.messaging.ContactPreferences;
import health.salus.patients.coverage.Payer;
import java.time.LocalDate;
import java.util.Optional;

/** A registration whose fields all passed the checks, with the values parsed and normalised. */
record CheckedRegistration(
        RegistrationRequest request,
        LocalDate birthDate,
        Optional<String> phone,
        Optional<String> email,
        Optional<String> emergencyContactPhone,
        Optional<Payer> payer,
        String subscriberRelationship,
        Optional<ContactPreferences> preferences) {
}
