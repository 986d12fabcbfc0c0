package health.salus.workspace.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.security.Role;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The front desk in a real browser: register (with the duplicate warning), book, reschedule, cancel,
 * check in from the day's schedule; and the pages refused to roles the policy does not give that work.
 */
class FrontDeskBrowserTest extends FrontDeskTest {

    DeskClinic clinic;
    String site;
    String provider;

    @BeforeEach
    void clinic() {
        clinic = newClinic();
        site = clinic.site("Riverside Clinic");
        provider = clinic.provider(site, "Ana", "Okafor");
    }

    @Test
    void aPossibleDuplicateIsShownThenRegisteredAnywayAndBooked() {
        DeskClinic.Person existing = clinic.person();
        String existingId = clinic.register(existing);
        signInAs(Role.FRONT_DESK);

        DeskClinic.Person similar = existing.withGiven("Liz").withFamily(existing.familyTypo())
                .withStreet("77 Other Rd").withoutPhone();
        browser.open("/front-desk/patients/new");
        fill(similar);
        browser.submit("#register");

        assertThat(browser.text("#duplicate-title")).isEqualTo("This patient may already be registered");
        assertThat(browser.findAll(".open-existing")).extracting(link -> link.getAttribute("href"))
                .anyMatch(href -> href.endsWith("/front-desk/patients/" + existingId));
        // nothing was stored yet: the desk decides
        assertThat(browser.path()).isEqualTo("/front-desk/patients");

        browser.submit("#register-anyway");
        assertThat(browser.path()).startsWith("/front-desk/patients/").isNotEqualTo("/front-desk/patients/" + existingId);
        assertThat(browser.text(".success")).startsWith("Registered. Medical record number: SAL")
                .contains("queued for duplicate review");
        assertThat(browser.text("h1")).isEqualTo(similar.family() + ", Liz");

        browser.submit("a.button[href$='/book']");
        String patientPath = browser.path().replace("/book", "");
        LocalDate day = DeskClinic.nextWeek();
        browser.open(patientPath + "/book?location=" + site + "&practitioner=" + provider + "&type=ROUTINE&date=" + day);
        List<WebElement> slots = browser.findAll("#slots button.slot");
        assertThat(slots).isNotEmpty();
        assertThat(browser.text("#reason-0")).isEqualTo("Soonest free time with Okafor, Ana from the day you chose");
        assertThat(slots.get(0).getText()).contains("8:00 AM ET").contains("Riverside Clinic");
        browser.submit(slots.get(0));

        assertThat(browser.path()).startsWith("/front-desk/appointments/");
        assertThat(browser.text(".success")).isEqualTo("The appointment is booked.");
        assertThat(browser.text("#status")).isEqualTo("Booked");
        String appointmentPath = browser.path();

        browser.submit("#reschedule");
        browser.open(appointmentPath + "/reschedule?date=" + day.plusDays(1));
        browser.submit(browser.findAll("#slots button.slot").get(0));
        assertThat(browser.text(".success")).isEqualTo("The appointment was moved.");
        assertThat(browser.text("#when")).contains("8:00 AM ET");

        browser.submit("#cancel");
        assertThat(browser.text("#error-summary")).contains("There is a problem");
        assertThat(browser.find("#reason").getAttribute("aria-invalid")).isEqualTo("true");
        browser.select("#reason", "pat").submit("#cancel");
        assertThat(browser.text(".success")).isEqualTo("The appointment was cancelled.");
        assertThat(browser.text("#status")).isEqualTo("Cancelled");
    }

    @Test
    void aCertainDuplicateCanOnlyBeOpened() {
        DeskClinic.Person existing = clinic.person();
        String existingId = clinic.register(existing);
        signInAs(Role.FRONT_DESK);

        browser.open("/front-desk/patients/new");
        fill(existing);
        browser.submit("#register");

        assertThat(browser.text("#duplicate-title")).isEqualTo("This patient is already registered");
        assertThat(browser.findAll("#register-anyway")).isEmpty();
        browser.submit(".open-existing");
        assertThat(browser.path()).isEqualTo("/front-desk/patients/" + existingId);
        assertThat(browser.text("h1")).isEqualTo(existing.family() + ", " + existing.given());
    }

    @Test
    void everyRegistrationProblemIsSummarisedAndTiedToItsField() {
        signInAs(Role.FRONT_DESK);
        browser.open("/front-desk/patients/new").submit("#register");

        List<WebElement> links = browser.findAll("#error-summary a");
        assertThat(links).extracting(WebElement::getText).contains("The family name is required",
                "At least one given name is required", "The birth date is required",
                "The patient must acknowledge the HIPAA Notice of Privacy Practices before they can be registered");
        for (WebElement link : links) {
            String field = link.getAttribute("href").replaceAll(".*#", "");
            WebElement control = browser.find("#" + field);
            assertThat(control.getAttribute("aria-invalid")).as(field).isEqualTo("true");
            assertThat(browser.text("#" + control.getAttribute("aria-describedby"))).isEqualTo(link.getText());
        }
        // the summary has the keyboard focus, so a screen reader starts there
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
    }

    @Test
    void theDaysScheduleChecksInAPatientWithoutReloadingThePage() {
        DeskClinic.Person person = clinic.person();
        String patient = clinic.register(person);
        LocalDate day = DeskClinic.nextWeek();
        String first = clinic.book(patient, provider, site, day, "09:00").id();
        clinic.book(clinic.register(clinic.person()), provider, site, day, "10:00");
        signInAs(Role.FRONT_DESK);

        browser.open("/front-desk?date=" + day + "&location=" + site + "&practitioner=" + provider);
        assertThat(browser.findAll("table.schedule tbody tr")).hasSize(2);
        assertThat(browser.text("#appointment-" + first)).contains("9:00 AM").contains(person.family())
                .contains("Okafor, Ana").contains("Riverside Clinic").contains("Booked");
        assertThat(browser.text("caption")).contains("(times in ET)");

        browser.driver().executeScript("window.notReloaded = true");
        browser.click("#appointment-" + first + " form button");
        browser.await("#appointment-" + first + " .status-arrived");
        assertThat(browser.text("#appointment-" + first + " .status")).isEqualTo("Checked in");
        assertThat(browser.findAll("#appointment-" + first + " form")).isEmpty();
        assertThat(browser.driver().executeScript("return window.notReloaded === true")).isEqualTo(true);
    }

    @Test
    void aPatientGoesOnTheWaitlistFromTheBookingPageForAValidWindowOnly() {
        String patient = clinic.register(clinic.person());
        LocalDate day = DeskClinic.nextWeek();
        signInAs(Role.FRONT_DESK);
        String book = "/front-desk/patients/" + patient + "/book?location=" + site + "&practitioner=" + provider
                + "&type=ROUTINE&date=" + day;

        browser.open(book).setValue("#waitFrom", day.toString()).setValue("#waitUntil", day.minusDays(1).toString())
                .submit("#join-waitlist");
        assertThat(browser.path()).startsWith("/front-desk/patients/" + patient + "/book");
        assertThat(browser.text("#waitlist .error-summary")).isEqualTo("Give two dates, the second on or after the first");

        browser.setValue("#waitUntil", day.plusDays(3).toString()).submit("#join-waitlist");
        assertThat(browser.path()).isEqualTo("/front-desk/patients/" + patient);
        assertThat(browser.text(".success")).isEqualTo("On the waitlist for Okafor, Ana.");
    }

    @Test
    void theFrontDeskOpensRegistration() {
        signInAs(Role.FRONT_DESK);
        browser.open("/front-desk/patients/new");
        assertThat(browser.text("h1")).isEqualTo("Register a patient");
        assertThat(browser.findAll(".main-nav a")).extracting(WebElement::getText)
                .containsExactly("Home", "Possible duplicates", "Find a patient", "Register a patient", "Your account");
        // the front desk's home is the day's schedule
        assertThat(browser.find(".main-nav a").getAttribute("href")).endsWith("/front-desk");
    }

    @Test
    void aBillerIsRefusedRegistrationWithTheFriendlyPage() {
        signInAs(Role.BILLER);
        browser.open("/front-desk/patients/new");
        assertThat(browser.text("h1")).isEqualTo("This page is not available to you");
        assertThat(browser.driver().getPageSource()).doesNotContain("Exception").doesNotContain("Register a patient");
        assertThat(browser.findAll(".main-nav a")).extracting(WebElement::getText)
                .doesNotContain("Find a patient", "Register a patient");
    }

    @Test
    void aPhysicianIsRefusedTheWholeSitesSchedule() {
        // clinicians may change appointments of their own patients only; the site's schedule is the desk's
        signInAs(Role.PHYSICIAN);
        browser.open("/front-desk");
        assertThat(browser.text("h1")).isEqualTo("This page is not available to you");
    }
}
