package health.salus.workspace.clinician;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import health.salus.fhir.ResourceStore;
import health.salus.security.Role;
import health.salus.security.SystemAccess;
import health.salus.support.BrowserTest;
import health.salus.support.Chromium;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The clinician's chart in a real browser: a physician opens a patient in their care and reads the
 * banner, summary and timeline (and filters it); a patient outside their care opens only through the
 * break-glass dialog, with a reason, and that access is audited; roles without clinical access get the
 * friendly not-permitted page. Every page passes axe-core's WCAG 2.1 AA rules at desktop and phone width.
 */
class ClinicianChartTest extends BrowserTest {

    private static ChartClinic clinic;

    @Autowired
    ResourceStore store;
    @Autowired
    SystemAccess system;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void clinic() {
        if (clinic == null) {
            clinic = new ChartClinic(store, system);
        }
    }

    private String signInAsTheDoctor() {
        return signInAs(Role.PHYSICIAN, "Practitioner/" + clinic.doctor);
    }

    @Test
    void aPhysicianReadsTheChartOfAPatientInTheirCare() {
        signInAsTheDoctor();
        browser.open("/clinician/patients/" + clinic.cared);
        assertThat(browser.text("h1")).isEqualTo(clinic.caredName);
        String banner = browser.text(".banner");
        int age = Period.between(ChartClinic.BIRTH_DATE, LocalDate.now()).getYears();
        assertThat(banner).contains(clinic.mrn).contains(age + " years").contains("Female")
                .contains("Penicillin").contains("high risk").contains("Fall risk");
        assertThat(browser.text("[aria-labelledby=problems-heading]")).contains("Essential hypertension");
        assertThat(browser.text("[aria-labelledby=medications-heading]")).contains("Lisinopril 10 mg tablet")
                .contains("One tablet each morning");
        assertThat(browser.text("[aria-labelledby=allergies-heading]")).contains("Penicillin").contains("Hives");
        assertThat(browser.text("[aria-labelledby=immunizations-heading]")).contains("Influenza, injectable");
        assertThat(browser.text("[aria-labelledby=careteam-heading]")).contains(clinic.doctorName)
                .contains("Primary care physician");
        // the latest reading, and its trend read out oldest first for screen readers
        WebElement heartRate = browser.findAll(".vitals-table tbody tr").stream()
                .filter(row -> row.getText().startsWith("Heart rate")).findFirst().orElseThrow();
        assertThat(heartRate.getText()).contains("60 /min");
        assertThat(heartRate.findElement(org.openqa.selenium.By.cssSelector("svg[role=img]")).getAttribute("aria-label"))
                .isEqualTo("Trend of Heart rate, oldest first: 80 /min, 70 /min, 60 /min");
        assertThat(browser.text(".vitals-table")).contains("128/82 mmHg");
        // the timeline spans the years, newest first, with every kind of event
        assertThat(browser.findAll(".year h3 > span:first-child").stream().map(WebElement::getText).toList())
                .containsExactly("2024", "2023", "2022");
        assertThat(kindsShown()).containsExactlyInAnyOrder("encounter", "result", "medication", "document");
        assertThat(browser.text("#timeline")).contains("Hemoglobin A1c").contains("6.1 %").contains("Discharge summary");
    }

    @Test
    void theTimelineFilterKeepsOnlyTheKindsTicked() {
        signInAsTheDoctor();
        browser.open("/clinician/patients/" + clinic.cared);
        for (String kind : List.of("encounter", "result", "document")) {
            browser.click("#kind-" + kind);
            waitUntil(() -> !kindsShown().contains(kind));
        }
        assertThat(kindsShown()).containsExactly("medication");
        assertThat(browser.text("#timeline")).contains("Lisinopril 10 mg tablet").doesNotContain("Office visit");
        // the address follows the filter, so a reload (or a browser without script) shows the same
        assertThat(browser.path()).contains("type=medication").doesNotContain("type=encounter");
        browser.open(browser.path());
        assertThat(kindsShown()).containsExactly("medication");
        assertThat(browser.find("#kind-encounter").isSelected()).isFalse();
        assertThat(browser.find("#kind-medication").isSelected()).isTrue();
    }

    @Test
    void outsideTheirCareAPhysicianBreaksTheGlassWithAReasonAndTheAccessIsAudited() {
        String username = signInAsTheDoctor();
        String accountId = accounts.idOf(username).orElseThrow();
        browser.open("/clinician/patients/" + clinic.stranger);
        assertThat(browser.text("h1")).isEqualTo("This patient is outside your care");
        WebElement dialog = browser.find("dialog#break-glass");
        assertThat(dialog.isDisplayed()).isTrue();
        assertThat(browser.driver().getPageSource()).doesNotContain(clinic.strangerName).doesNotContain("Faraway");
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("reason");
        // too short a reason is refused beside the field, and nothing opens
        browser.driver().executeScript("document.getElementById('reason').removeAttribute('minlength')");
        browser.type("#reason", "Need it").submit("dialog button[type=submit]");
        assertThat(browser.text("#reason-error")).contains("at least 10 characters");
        assertThat(browser.find("#reason").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(grants(accountId)).isZero();
        browser.type("#reason", "Unconscious in the emergency department").submit("dialog button[type=submit]");
        assertThat(browser.path()).isEqualTo("/clinician/patients/" + clinic.stranger);
        assertThat(browser.text("h1")).isEqualTo(clinic.strangerName);
        assertThat(browser.text(".banner .warning")).contains("break-glass");
        assertThat(grants(accountId)).isEqualTo(1);
        // the chart's reads are audited as break-glass access, and the invocation itself as a security event
        assertThat(jdbc.sql("select count(*) from audit_entry where actor_id = ? and patient_id = ? and purpose = "
                + "'BREAK_GLASS'").params(accountId, clinic.stranger).query(Long.class).single()).isPositive();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("select count(*) from "
                        + "audit_entry where actor_id = ? and patient_id = ? and action = 'break-glass'")
                .params(accountId, clinic.stranger).query(Long.class).single()).isPositive());
    }

    @Test
    void aRoleThatMayNotBreakTheGlassGetsTheNotPermittedPageOutsideItsCare() {
        signInAs(Role.CARE_COORDINATOR, "Practitioner/" + clinic.otherDoctor);
        browser.open("/clinician/patients/" + clinic.cared);
        assertThat(browser.text("h1")).isEqualTo("This page is not available to you");
        assertThat(browser.findAll("dialog#break-glass")).isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain(clinic.caredName);
    }

    @Test
    void billersAndTheFrontDeskDoNotOpenChartsOrSeeTheClinicianLinks() {
        for (Role role : List.of(Role.BILLER, Role.FRONT_DESK)) {
            signInAs(role);
            assertThat(browser.findAll(".main-nav a[href='/clinician/patients']")).isEmpty();
            for (String page : List.of("/clinician/patients/" + clinic.cared, "/clinician/schedule",
                    "/clinician/patients", "/clinician/search")) {
                browser.open(page);
                assertThat(browser.text("h1")).as(role + " on " + page).isEqualTo("This page is not available to you");
                assertThat(browser.driver().getPageSource()).doesNotContain(clinic.caredName)
                        .doesNotContain("Penicillin");
            }
        }
    }

    @Test
    void theScheduleListsTheDoctorsVisitsAndLeadsToTheChart() {
        signInAsTheDoctor();
        assertThat(browser.findAll(".main-nav a[href='/clinician/schedule']")).hasSize(1);
        browser.open("/clinician/schedule?date=" + ChartClinic.VISIT_DAY);
        assertThat(browser.text("table")).contains(clinic.caredName).contains("Blood pressure review")
                .contains("Booked");
        browser.submit(browser.driver().findElement(org.openqa.selenium.By.linkText(clinic.caredName)));
        assertThat(browser.text("h1")).isEqualTo(clinic.caredName);
        // another doctor's day does not show this visit
        signInAs(Role.PHYSICIAN, "Practitioner/" + clinic.otherDoctor);
        browser.open("/clinician/schedule?date=" + ChartClinic.VISIT_DAY);
        assertThat(browser.driver().getPageSource()).doesNotContain(clinic.caredName);
    }

    @Test
    void myPatientsAndSearchFindThePatientInCareButNotTheOneOutsideIt() {
        signInAsTheDoctor();
        browser.open("/clinician/patients");
        assertThat(browser.text("table")).contains(clinic.caredName).contains(clinic.mrn)
                .doesNotContain(clinic.strangerName);
        browser.open("/clinician/search");
        browser.type("#name", "Carewell" + clinic.suffix).click("form[role=search] button[type=submit]");
        browser.await("#results table");
        assertThat(browser.text("#results")).contains(clinic.caredName).contains(clinic.mrn);
        assertThat(browser.path()).contains("name=Carewell");
        browser.type("#name", "Faraway" + clinic.suffix).click("form[role=search] button[type=submit]");
        waitUntil(() -> browser.text("#results").contains("No patient found"));
        // a bad birth date is refused beside its field
        browser.open("/clinician/search?birthDate=1980-13-45");
        assertThat(browser.text("#birthDate-error")).contains("Enter a date");
    }

    @Test
    void theClinicianPagesPassAxeAtDesktopAndPhoneWidth() {
        signInAsTheDoctor();
        List<String> pages = List.of("/clinician/patients/" + clinic.cared, "/clinician/schedule?date="
                + ChartClinic.VISIT_DAY, "/clinician/patients", "/clinician/search?name=Carewell" + clinic.suffix,
                "/clinician/patients/" + clinic.stranger, "/clinician/patients/" + clinic.cared + "?lang=es");
        for (int width : new int[] {Chromium.DESKTOP_WIDTH, Chromium.PHONE_WIDTH}) {
            for (String page : pages) {
                browser.width(width).open(page);
                assertThat(browser.accessibilityViolations()).as(page + " at " + width + " px").isEmpty();
            }
            browser.open("/clinician/patients/" + clinic.cared + "?lang=en");
        }
        if (Boolean.getBoolean("salus.write-docs")) {
            Path docs = Path.of(System.getProperty("user.dir")).resolveSibling("docs").resolve("screenshots");
            browser.width(Chromium.DESKTOP_WIDTH).open("/clinician/patients/" + clinic.cared);
            browser.screenshot(docs.resolve("clinician-chart-desktop.png"));
            browser.width(Chromium.PHONE_WIDTH).open("/clinician/patients/" + clinic.cared);
            browser.screenshot(docs.resolve("clinician-chart-phone.png"));
            browser.width(Chromium.DESKTOP_WIDTH).open("/clinician/patients/" + clinic.stranger);
            browser.screenshot(docs.resolve("clinician-break-glass-desktop.png"));
            browser.width(Chromium.PHONE_WIDTH).open("/clinician/patients/" + clinic.stranger);
            browser.screenshot(docs.resolve("clinician-break-glass-phone.png"));
        }
    }

    /** The kinds of the timeline's events, read in one script call (htmx may swap the list meanwhile). */
    @SuppressWarnings("unchecked")
    private List<String> kindsShown() {
        List<String> classes = (List<String>) browser.driver().executeScript(
                "return Array.from(document.querySelectorAll('ol.timeline li')).map(li => li.className)");
        return classes.stream().map(c -> c.replace("event kind-", "")).distinct().toList();
    }

    private long grants(String accountId) {
        return jdbc.sql("select count(*) from security_break_glass where account_id = ?").params(accountId)
                .query(Long.class).single();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(driver -> condition.getAsBoolean());
    }
}
