package health.salus.web;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.security.Role;
import health.salus.support.BrowserTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Signing in through the pages lands every role on its own home; another role's home is refused. */
class SignInLandingTest extends BrowserTest {

    static Stream<Arguments> roles() {
        return Stream.of(
                Arguments.of(Role.FRONT_DESK, "/front-desk", "Today's schedule"),
                Arguments.of(Role.PHYSICIAN, "/home/physician", "Clinician workspace"),
                Arguments.of(Role.NURSE, "/home/nurse", "Nursing workspace"),
                Arguments.of(Role.CARE_COORDINATOR, "/home/care-coordinator", "Care coordination"),
                Arguments.of(Role.BILLER, "/home/biller", "Billing"),
                Arguments.of(Role.ADMINISTRATOR, "/home/administrator", "Administration"),
                Arguments.of(Role.PRIVACY_OFFICER, "/home/privacy-officer", "Privacy office"),
                Arguments.of(Role.AUDITOR, "/home/auditor", "Audit"),
                Arguments.of(Role.PATIENT, "/home/patient", "Your health"),
                Arguments.of(Role.PROXY, "/home/proxy", "Family access"));
    }

    @ParameterizedTest(name = "{0} lands on {1}")
    @MethodSource("roles")
    void signingInLandsOnTheRolesHome(Role role, String home, String heading) {
        signInAs(role);
        assertThat(browser.path()).isEqualTo(home);
        assertThat(browser.text("h1")).isEqualTo(heading);
        // the header's home link leads back to the same page, and signing out works from every page
        assertThat(browser.find(".main-nav a[aria-current=page]").getText()).isEqualTo("Home");
        browser.clickAndAwaitNavigation(".main-nav form button");
        assertThat(browser.path()).isEqualTo("/login?signedOut");
    }

    @Test
    void anotherRolesHomeIsRefusedWithTheFriendlyPage() {
        signInAs(Role.NURSE);
        browser.open("/home/physician");
        assertThat(browser.text("h1")).isEqualTo("This page is not available to you");
        assertThat(browser.driver().getPageSource()).doesNotContain("Exception").doesNotContain("at health.salus");
    }

    @Test
    void theSignInPageAndTheShellSpeakSpanish() {
        browser.open("/login?lang=es");
        assertThat(browser.text("h1")).isEqualTo("Iniciar sesión en Salus");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("es");
        // the choice is remembered (a cookie), and switching back works
        browser.open("/login");
        assertThat(browser.text("label[for=username]")).isEqualTo("Usuario");
        browser.click(".languages a[lang=en]");
        assertThat(browser.text("h1")).isEqualTo("Sign in to Salus");
    }

    @Test
    void theSkipLinkIsTheFirstThingTheKeyboardReachesAndLeadsToTheContent() {
        signInAs(Role.NURSE);
        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        assertThat(browser.driver().switchTo().activeElement().getAttribute("class")).isEqualTo("skip-link");
        assertThat(browser.find(".skip-link").isDisplayed()).isTrue();
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("main");
    }
}
