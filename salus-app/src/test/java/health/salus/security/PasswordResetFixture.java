package health.salus.security;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import health.salus.fhir.ResourceStore;
import health.salus.support.Mailbox;
import health.salus.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Patient;

/** A synthetic patient with an email address and a portal account, and the reset emails sent to them. */
final class PasswordResetFixture {

    private static final Pattern LINK = Pattern.compile("/password-reset/new\\?token=([A-Za-z0-9_-]+)");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    record PortalPatient(String patientId, String username, String accountId, String email) {
    }

    private final Accounts accounts;
    private final ResourceStore store;
    private final SystemAccess system;
    private final GreenMail smtp;

    PasswordResetFixture(Accounts accounts, ResourceStore store, SystemAccess system, GreenMail smtp) {
        this.accounts = accounts;
        this.store = store;
        this.system = system;
        this.smtp = smtp;
    }

    PortalPatient patientWithAccount() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "reset-" + suffix + "@mail.test";
        Patient patient = new Patient();
        patient.addName().setFamily("Resetwell" + suffix).addGiven("Noor");
        patient.setGender(Enumerations.AdministrativeGender.FEMALE);
        patient.setBirthDateElement(new DateType("1987-04-12"));
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(email);
        String patientId = system.call("password reset test data", () -> store.create(patient, Optional.empty()))
                .resource().getIdElement().getIdPart();
        String username = TestUsers.create(accounts, Role.PATIENT, "Patient/" + patientId);
        return new PortalPatient(patientId, username, accounts.idOf(username).orElseThrow(), email);
    }

    /** The token of the first reset email sent to {@code email}, once it arrived. */
    String awaitLinkTo(String email) {
        return await().atMost(PATIENCE).until(() -> Mailbox.textsTo(smtp, email).stream().map(LINK::matcher)
                .filter(Matcher::find).map(link -> link.group(1)).toList(), tokens -> !tokens.isEmpty()).get(0);
    }

    List<String> emailsTo(String email) {
        return Mailbox.textsTo(smtp, email);
    }
}
