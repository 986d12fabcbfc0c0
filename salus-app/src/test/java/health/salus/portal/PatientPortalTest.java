package health.salus.portal;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.fhir.ResourceStore;
import health.salus.scheduling.booking.Appointments;
import health.salus.security.Role;
import health.salus.security.SystemAccess;
import health.salus.support.Api;
import health.salus.support.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The patient's side of the portal in a real browser: booking and cancelling their own visits, their
 * home showing the next visit and who looked at their record, contact preferences — and nothing of
 * anyone else's.
 */
class PatientPortalTest extends BrowserTest {

    @Autowired
    ResourceStore store;
    @Autowired
    SystemAccess system;
    @Autowired
    Appointments appointments;

    PortalClinic clinic;
    String site;
    String doctorFamily;
    String doctor;

    @BeforeEach
    void clinic() {
        clinic = new PortalClinic(port, accounts, store, system);
        site = clinic.site();
        doctorFamily = "Doc" + PortalClinic.unique();
        doctor = clinic.practitioner(site, doctorFamily);
    }

    @Test
    void aPatientBooksAVisitAndSeesItAndWhoViewedTheirRecordOnTheirHome() {
        String patient = clinic.patient("Home" + PortalClinic.unique());
        signInAs(Role.PATIENT, "Patient/" + patient);
        assertThat(browser.path()).isEqualTo("/home/patient");
        assertThat(browser.text("h1")).isEqualTo("Your health");
        assertThat(browser.text("main")).contains("No coming appointments.")
                .contains("Nobody else has looked at the record in the last year.");

        browser.open("/portal/appointments/book").select("#practitioner", doctor).click("form[role=search] button");
        browser.submit(browser.await("ul.slots button.slot"));
        assertThat(browser.path()).isEqualTo("/portal/appointments?done=booked");
        assertThat(browser.text("table.visits tbody")).contains("Robin " + doctorFamily).contains("Booked");

        // the physician on the visit is now in the patient's care, and reads their details
        String physician = clinic.user(Role.PHYSICIAN, "Practitioner/" + doctor);
        PortalClinic.expect(Api.call(port, clinic.tokenFor(physician), "GET", "/fhir/Patient/" + patient, null), 200);

        browser.open("/home/patient");
        assertThat(browser.text("table.visits tbody")).contains("Robin " + doctorFamily);
        String accesses = browser.text("table.accesses tbody");
        assertThat(accesses).contains("Robin " + doctorFamily + " (Physician)").contains("Viewed personal details")
                .contains("Your care");
    }

    @Test
    void anotherPatientSeesNeitherTheVisitNorWhoViewedTheFirstPatientsRecord() {
        String first = clinic.patient("First" + PortalClinic.unique());
        clinic.book(appointments, first, doctor, site, "09:30");
        String physician = clinic.user(Role.PHYSICIAN, "Practitioner/" + doctor);
        PortalClinic.expect(Api.call(port, clinic.tokenFor(physician), "GET", "/fhir/Patient/" + first, null), 200);

        signInAs(Role.PATIENT, "Patient/" + clinic.patient("Second" + PortalClinic.unique()));

        assertThat(browser.text("main")).contains("No coming appointments.")
                .contains("Nobody else has looked at the record in the last year.")
                .doesNotContain(doctorFamily);
    }

    @Test
    void aPatientCancelsTheirVisitWithoutReloadingThePage() {
        String patient = clinic.patient("Cancel" + PortalClinic.unique());
        String id = clinic.book(appointments, patient, doctor, site, "10:00").id();
        signInAs(Role.PATIENT, "Patient/" + patient);

        browser.open("/portal/appointments");
        browser.click("#visit-" + id + " details summary");
        browser.click("#visit-" + id + " button.cancel-visit");

        assertThat(browser.await("#visit-" + id + " td[role=status]").getText()).isEqualTo("This appointment is cancelled.");
        assertThat(browser.path()).isEqualTo("/portal/appointments");
        browser.open("/portal/appointments");
        assertThat(browser.text("main")).contains("No coming appointments.");
    }

    @Test
    void aPatientCannotCancelSomeoneElsesVisit() {
        String other = clinic.patient("Other" + PortalClinic.unique());
        String id = clinic.book(appointments, other, doctor, site, "11:00").id();
        signInAs(Role.PATIENT, "Patient/" + clinic.patient("Mine" + PortalClinic.unique()));
        browser.open("/portal/appointments");

        Object status = post("/portal/appointments/" + id + "/cancel");

        assertThat(status).isEqualTo(403L);
        assertThat(system.call("test-check", () -> appointments.read(id)).status()).isEqualTo("booked");
    }

    @Test
    void aPatientSavesContactPreferencesAndAMistakeIsExplainedBesideItsField() {
        String patient = clinic.patient("Prefs" + PortalClinic.unique());
        String visit = clinic.book(appointments, patient, doctor, site, "10:00").id();
        signInAs(Role.PATIENT, "Patient/" + patient);
        // until a zone is chosen, times are in the zone the browser reports (not Central here)
        browser.open("/portal/appointments");
        assertThat(browser.text("table.visits caption")).doesNotContain("CT");
        browser.open("/portal/preferences");
        browser.click("#channel-SMS").select("#language", "es").select("#timeZone", "America/Chicago");
        browser.setValue("#quietStart", "21:00").submit("main form button[type=submit]");

        assertThat(browser.find(".error-summary").getText()).contains("Give both the start and the end");
        assertThat(browser.find("#quietEnd").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.driver().switchTo().activeElement().getAttribute("class")).contains("error-summary");
        browser.click(".error-summary a");
        assertThat(browser.path()).endsWith("#quietEnd");

        browser.setValue("#quietStart", "21:00").setValue("#quietEnd", "07:30").submit("main form button[type=submit]");
        assertThat(browser.path()).isEqualTo("/portal/preferences?saved");
        assertThat(browser.find("#channel-SMS").isSelected()).isTrue();
        assertThat(browser.find("#timeZone").getAttribute("value")).isEqualTo("America/Chicago");
        assertThat(browser.find("#quietEnd").getAttribute("value")).isEqualTo("07:30");
        // the zone chosen is the one the portal shows times in from now on
        browser.open("/portal/appointments");
        assertThat(browser.text("table.visits caption")).contains("CT");
        assertThat(browser.text("#visit-" + visit)).contains("9:00").doesNotContain("10:00");
    }

    @Test
    void thePortalSpeaksSpanish() {
        signInAs(Role.PATIENT, "Patient/" + clinic.patient("Es" + PortalClinic.unique()));
        browser.open("/portal/preferences?lang=es");
        assertThat(browser.text("h1")).isEqualTo("Preferencias de contacto");
        browser.open("/home/patient");
        assertThat(browser.text("main")).contains("Sus próximas citas").contains("Quién vio su historial");
    }

    @Test
    void staffAndFamilyMembersGetTheFriendlyNotPermittedPageForThePatientsPortal() {
        signInAs(Role.FRONT_DESK);
        for (String page : new String[] {"/home/patient", "/portal/record", "/portal/sharing", "/portal/preferences",
                "/portal/appointments"}) {
            browser.open(page);
            assertThat(browser.text("h1")).as(page).isEqualTo("This page is not available to you");
        }
        assertThat(browser.findAll(".main-nav a[href='/portal/sharing']")).isEmpty();

        signInAs(Role.PROXY, "RelatedPerson/" + PortalClinic.unique());
        browser.open("/portal/record");
        assertThat(browser.text("h1")).isEqualTo("This page is not available to you");
        assertThat(browser.driver().getPageSource()).doesNotContain("Exception");
    }

    /** A form post from the page's own script context (with its CSRF token); the response status. */
    private Object post(String path) {
        return browser.driver().executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "var h = document.querySelector('meta[name=_csrf_header]').content;"
                + "var t = document.querySelector('meta[name=_csrf]').content;"
                + "var headers = {}; headers[h] = t;"
                + "fetch(arguments[0], {method: 'POST', headers: headers, credentials: 'same-origin', redirect: 'manual'})"
                + ".then(function (r) { done(r.status); });", path);
    }
}
