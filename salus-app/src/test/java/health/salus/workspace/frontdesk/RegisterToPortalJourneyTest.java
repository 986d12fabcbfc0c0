package health.salus.workspace.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import health.salus.security.Role;
import health.salus.support.Mailbox;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One journey across the front desk and the portal, all through the pages: the desk registers a patient
 * who looks like one already on file, is warned, registers them anyway and books a visit; the patient
 * opens the invitation emailed to the address the desk typed, sets a password, signs in, and sees the
 * visit and that the front-desk clerk looked at their record. What the desk's pages show stays the
 * desk's: the patient is refused them.
 */
class RegisterToPortalJourneyTest extends FrontDeskTest {

    private static final Pattern INVITATION = Pattern.compile("/invitation\\?token=([A-Za-z0-9_-]+)");
    private static final String PATIENT_PASSWORD = "juniper saddle wharf 1999 ember";

    @Autowired
    GreenMail smtp;

    @Test
    void theDeskRegistersDespiteTheWarningAndBooksAndThePatientSeesTheVisitAndWhoLooked() {
        DeskClinic clinic = newClinic();
        String site = clinic.site("Riverside Clinic");
        String provider = clinic.provider(site, "Ana", "Okafor");
        DeskClinic.Person existing = clinic.person();
        String existingId = clinic.register(existing);
        String clerkFamily = "Clerk" + existing.family();
        String clerk = system.call("test", () -> store.create(new Practitioner().addName(new HumanName()
                .setFamily(clerkFamily).addGiven("Dana")), Optional.empty()).resource().getIdElement().getIdPart());
        signInAs(Role.FRONT_DESK, "Practitioner/" + clerk);

        // the desk: a near match of a patient on file, registered anyway, with an email for the portal
        DeskClinic.Person similar = existing.withGiven("Liz").withFamily(existing.familyTypo())
                .withStreet("77 Other Rd").withoutPhone();
        String email = similar.family().toLowerCase(java.util.Locale.ROOT) + "-journey@mail.test";
        browser.open("/front-desk/patients/new");
        fill(similar);
        browser.type("#email", email);
        browser.submit("#register");
        assertThat(browser.text("#duplicate-title")).isEqualTo("This patient may already be registered");
        assertThat(browser.findAll(".open-existing")).extracting(link -> link.getAttribute("href"))
                .anyMatch(href -> href.endsWith("/front-desk/patients/" + existingId));
        browser.submit("#register-anyway");
        String patientPath = browser.path();
        assertThat(patientPath).startsWith("/front-desk/patients/").isNotEqualTo("/front-desk/patients/" + existingId);
        assertThat(browser.text(".success")).startsWith("Registered.");

        LocalDate day = DeskClinic.nextWeek();
        browser.open(patientPath + "/book?location=" + site + "&practitioner=" + provider + "&type=ROUTINE&date=" + day);
        browser.submit(browser.findAll("#slots button.slot").get(0));
        assertThat(browser.text(".success")).isEqualTo("The appointment is booked.");

        // the patient: the invitation from their inbox, a password, and the portal
        String token = awaitInvitationTo(email);
        browser.signOut().open("/invitation?token=" + token);
        String username = browser.text("main code");
        browser.type("#password", PATIENT_PASSWORD).type("#confirmation", PATIENT_PASSWORD)
                .submit("main form button[type=submit]");
        assertThat(browser.path()).isEqualTo("/login?invitationAccepted");
        browser.type("#username", username).type("#password", PATIENT_PASSWORD).submit("main form button[type=submit]");
        assertThat(browser.path()).isEqualTo("/home/patient");

        browser.open("/portal/appointments");
        assertThat(browser.text("table.visits tbody")).contains("Okafor").contains("Riverside Clinic")
                .contains("Booked");
        browser.open("/portal/record/accesses");
        assertThat(browser.findAll("table.accesses tbody tr")).extracting(row -> row.getText())
                .anyMatch(row -> row.contains("Dana " + clerkFamily + " (Front desk)"));

        // denied twin: the desk's page of this very patient is not the patient's to open
        browser.open(patientPath);
        assertThat(browser.text("h1")).isEqualTo("This page is not available to you");
    }

    private String awaitInvitationTo(String email) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> invitationTokensTo(email), tokens -> !tokens.isEmpty())
                .get(0);
    }

    private List<String> invitationTokensTo(String email) {
        return Mailbox.textsTo(smtp, email).stream().map(INVITATION::matcher).filter(Matcher::find)
                .map(matcher -> matcher.group(1)).toList();
    }
}
