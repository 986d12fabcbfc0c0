package health.salus.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import health.salus.fhir.ResourceStore;
import health.salus.security.PasswordResetFixture.PortalPatient;
import health.salus.support.BrowserTest;
import health.salus.support.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A patient who forgot their password gets back in from the sign-in page, reading the link from their email. */
class PasswordResetBrowserTest extends BrowserTest {

    private static final String NEW_PASSWORD = "harbour thistle pocket 1984 amber";

    @Autowired
    ResourceStore store;
    @Autowired
    SystemAccess system;
    @Autowired
    GreenMail smtp;

    @Test
    void aPatientResetsTheirPasswordFromTheSignInPageThroughTheEmailedLink() {
        PortalPatient patient = new PasswordResetFixture(accounts, store, system, smtp).patientWithAccount();

        browser.open("/login").submit("#forgot-password");
        assertThat(browser.text("h1")).isEqualTo("Forgot your password?");
        browser.submit("main form button[type=submit]");
        assertThat(browser.find("#identifier").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.text(".error-summary")).contains("Enter your username or email address");

        browser.type("#identifier", patient.email()).submit("main form button[type=submit]");
        assertThat(browser.text("main [role=status]")).contains("If an account matches, we sent a link");
        String token = new PasswordResetFixture(accounts, store, system, smtp).awaitLinkTo(patient.email());

        browser.open("/password-reset/new?token=" + token);
        assertThat(browser.text("main code")).isEqualTo(patient.username());
        // switching language keeps the link's token: the page is the same form, in Spanish, then back
        String english = browser.text("h1");
        browser.submit("nav.languages a[lang=es]");
        assertThat(browser.path()).isEqualTo("/password-reset/new?token=" + token + "&lang=es");
        assertThat(browser.text("main code")).isEqualTo(patient.username());
        assertThat(browser.text("h1")).isNotEqualTo(english);
        browser.submit("nav.languages a[lang=en]");
        assertThat(browser.text("h1")).isEqualTo(english);
        browser.type("#password", NEW_PASSWORD).type("#confirmation", "not the same at all 123")
                .submit("main form button[type=submit]");
        assertThat(browser.text(".error-summary")).contains("The two passwords are not the same");
        assertThat(browser.find("#confirmation").getAttribute("aria-invalid")).isEqualTo("true");
        browser.type("#password", NEW_PASSWORD).type("#confirmation", NEW_PASSWORD)
                .submit("main form button[type=submit]");

        assertThat(browser.path()).isEqualTo("/login?passwordReset");
        assertThat(browser.text("main [role=status]")).contains("Your new password is set");
        browser.type("#username", patient.username()).type("#password", NEW_PASSWORD)
                .submit("main form button[type=submit]");
        assertThat(browser.path()).startsWith("/home/patient");

        browser.signOut().open("/password-reset/new?token=" + token);
        assertThat(browser.text("h1")).isEqualTo("This link no longer works");
        assertThat(SignIn.password(new health.salus.support.Browser(port), patient.username(), SignIn.PASSWORD))
                .contains("/login?error");
    }
}
