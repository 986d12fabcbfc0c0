package health.salus.workspace.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.scheduling.booking.AppointmentView;
import health.salus.scheduling.reminders.ReminderLinks;
import health.salus.security.PatientInvitation;
import health.salus.security.Role;
import health.salus.support.Chromium;
import health.salus.support.SignIn;
import health.salus.support.TestUsers;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * axe-core finds no WCAG 2.1 A/AA violation on any page of the web application, at desktop width and
 * at 360 px, signed in as the role each page is for. With {@code -Dsalus.write-docs=true} the main pages
 * are also saved to docs/screenshots/ (as the README shows them):
 * {@code ./mvnw -pl salus-app test -Dtest=EveryPageAccessibilityTest -Dsalus.write-docs=true}.
 */
class EveryPageAccessibilityTest extends FrontDeskTest {

    private static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");

    @Autowired
    ReminderLinks reminderLinks;

    /** A page in a given state: who opens it (empty: nobody signed in), how, and its screenshot name if any. */
    record Page(String name, Optional<Role> role, Runnable open, boolean screenshot) {
    }

    @Test
    void everyPageHasNoWcag21AaViolationsOnDesktopAndPhone() {
        List<Page> pages = pages();
        List<String> violations = new ArrayList<>();
        boolean writeDocs = Boolean.getBoolean("salus.write-docs");
        for (int width : new int[] {Chromium.DESKTOP_WIDTH, Chromium.PHONE_WIDTH}) {
            Optional<Role> signedInAs = Optional.empty();
            browser.signOut();
            for (Page page : pages) {
                if (!page.role().equals(signedInAs) || page.role().isEmpty()) {
                    browser.signOut();
                    page.role().ifPresent(this::signInAs);
                    signedInAs = page.role();
                }
                browser.width(width);
                page.open().run();
                browser.accessibilityViolations().forEach(v -> violations.add(page.name() + " @" + width + "px: " + v));
                if (writeDocs && page.screenshot()) {
                    browser.screenshot(SCREENSHOTS.resolve(page.name() + (width == Chromium.PHONE_WIDTH ? "-360" : "-desktop")
                            + ".png"));
                }
            }
        }
        assertThat(violations).as("axe-core WCAG 2.1 A/AA violations").isEmpty();
    }

    private List<Page> pages() {
        DeskClinic clinic = newClinic();
        String site = clinic.site("Riverside Clinic");
        String provider = clinic.provider(site, "Ana", "Okafor");
        LocalDate day = DeskClinic.nextWeek();
        DeskClinic.Person maria = clinic.person();
        String patient = clinic.register(maria);
        String appointment = clinic.book(patient, provider, site, day, "09:00").id();
        clinic.book(clinic.register(clinic.person()), provider, site, day, "09:30");
        clinic.book(clinic.register(clinic.person()), provider, site, day, "11:00");
        AppointmentView reminded = clinic.book(clinic.register(clinic.person()), provider, site, day, "14:00");
        String confirmLink = "/appointments/respond?t=" + reminderLinks.token(reminded.id(), reminded.start(),
                ReminderLinks.Action.CONFIRM, reminded.start());
        String cancelLink = "/appointments/respond?t=" + reminderLinks.token(reminded.id(), reminded.start(),
                ReminderLinks.Action.CANCEL, reminded.start());
        String schedule = "/front-desk?date=" + day + "&location=" + site;
        String book = "/front-desk/patients/" + patient + "/book?location=" + site + "&practitioner=" + provider
                + "&type=ROUTINE&date=" + day.plusDays(1);

        Optional<Role> nobody = Optional.empty();
        Optional<Role> desk = Optional.of(Role.FRONT_DESK);
        List<Page> pages = new ArrayList<>(List.of(
                new Page("sign-in", nobody, () -> browser.open("/login?lang=en"), true),
                new Page("sign-in-failed", nobody, () -> browser.open("/login?error"), false),
                new Page("sign-in-es", nobody, () -> browser.open("/login?lang=es"), false),
                new Page("verification-code", nobody, this::passwordStepOfANurse, false),
                new Page("two-step-enrolment", nobody, this::passwordStepOfANewBiller, false),
                new Page("recovery-codes", nobody, () -> {
                    passwordStepOfANewBiller();
                    browser.type("#code", SignIn.totpCode(browser.text(".narrow p code"))).submit("form button");
                    assertThat(browser.findAll("main li code")).hasSize(10);
                }, false),
                new Page("forgot-password", nobody, () -> browser.open("/password-reset?lang=en"), true),
                new Page("forgot-password-error", nobody, () -> browser.open("/password-reset")
                        .submit("main form button[type=submit]"), false),
                new Page("forgot-password-sent", nobody, () -> browser.open("/password-reset/sent"), false),
                new Page("forgot-password-link-dead", nobody, () -> browser.open("/password-reset/new?token=x"), false),
                new Page("invitation", nobody, () -> browser.open("/invitation?token=" + invitation().token()), true),
                new Page("invitation-errors", nobody, () -> browser.open("/invitation?token=" + invitation().token())
                        .type("#password", "password1234").type("#confirmation", "password1234x")
                        .submit("main form button[type=submit]"), false),
                new Page("invitation-dead", nobody, () -> browser.open("/invitation?token=x"), false),
                new Page("invitation-es", nobody, () -> browser.open("/invitation?lang=es&token=x"), false),
                new Page("reminder-confirm", nobody, () -> browser.open(confirmLink), true),
                new Page("reminder-cancel", nobody, () -> browser.open(cancelLink), false),
                new Page("reminder-dead", nobody, () -> browser.open("/appointments/respond?t=x"), false),
                new Page("demo-outbox", Optional.of(Role.ADMINISTRATOR), () -> browser.open("/demo/outbox"), false),
                new Page("front-desk-schedule", desk, () -> browser.open(schedule + "&lang=en"), true),
                new Page("front-desk-schedule-es", desk, () -> browser.open(schedule + "&lang=es"), false),
                new Page("find-patient", desk, () -> browser.open("/front-desk/patients?lang=en&name="
                        + maria.family()), true),
                new Page("patient", desk, () -> browser.open("/front-desk/patients/" + patient), true),
                new Page("register", desk, () -> browser.open("/front-desk/patients/new"), true),
                new Page("register-errors", desk, () -> browser.open("/front-desk/patients/new").submit("#register"),
                        true),
                new Page("register-duplicate-warning", desk, () -> registerAgain(maria), true),
                new Page("book", desk, () -> browser.open(book), true),
                new Page("appointment", desk, () -> browser.open("/front-desk/appointments/" + appointment), true),
                new Page("reschedule", desk, () -> browser.open("/front-desk/appointments/" + appointment
                        + "/reschedule?date=" + day.plusDays(2)), false),
                new Page("not-found", desk, () -> browser.open("/front-desk/patients/no-such-patient"), false),
                new Page("account", desk, () -> browser.open("/account"), false),
                new Page("not-permitted", Optional.of(Role.BILLER), () -> browser.open("/front-desk/patients/new"),
                        true)));
        for (Role role : List.of(Role.PHYSICIAN, Role.NURSE, Role.CARE_COORDINATOR, Role.BILLER, Role.ADMINISTRATOR,
                Role.PRIVACY_OFFICER, Role.AUDITOR, Role.PATIENT, Role.PROXY)) {
            pages.add(new Page("home-" + role.code(), Optional.of(role), () -> browser.open("/home/" + role.code()),
                    role == Role.PHYSICIAN));
        }
        return pages;
    }

    /** A fresh portal invitation (one per page view: a link works once, and viewing does not spend it). */
    private PatientInvitation invitation() {
        return system.call("test", () -> accounts.invitePatient(java.util.UUID.randomUUID().toString())).orElseThrow();
    }

    /** The second sign-in step, as a nurse who has just given the password sees it. */
    private void passwordStepOfANurse() {
        String nurse = TestUsers.create(accounts, Role.NURSE, null);
        browser.open("/login").type("#username", nurse).type("#password", SignIn.PASSWORD)
                .submit("form button[type=submit]");
        assertThat(browser.path()).isEqualTo("/login/mfa");
    }

    /** A staff member's first sign-in: the password accepted, an authenticator to set up. */
    private void passwordStepOfANewBiller() {
        String biller = "biller-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        accounts.create(biller, "Test biller", SignIn.PASSWORD, java.util.Set.of(Role.BILLER), Optional.empty(),
                Optional.empty());
        browser.open("/login").type("#username", biller).type("#password", SignIn.PASSWORD)
                .submit("form button[type=submit]");
        assertThat(browser.path()).isEqualTo("/login/mfa/enrol");
    }

    /** The registration form as it warns about a patient already on file. */
    private void registerAgain(DeskClinic.Person person) {
        browser.open("/front-desk/patients/new").type("#given", person.given()).type("#family", person.family())
                .setValue("#birthDate", person.birthDate()).select("#gender", "female")
                .type("#addressLine", person.street()).type("#city", "Springfield").type("#postalCode", "62701")
                .type("#phone", person.phone()).click("#privacyAcknowledged").submit("#register");
        browser.await("#duplicate-warning");
    }
}
