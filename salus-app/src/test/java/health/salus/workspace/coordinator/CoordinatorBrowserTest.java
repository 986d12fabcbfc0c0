package health.salus.workspace.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.fhir.ResourceStore;
import health.salus.patients.mpi.review.DuplicateReview;
import health.salus.patients.mpi.review.DuplicateReviews;
import health.salus.patients.registration.Registrations;
import health.salus.scheduling.availability.ScheduleSetup;
import health.salus.scheduling.booking.Appointments;
import health.salus.security.Role;
import health.salus.security.SystemAccess;
import health.salus.support.BrowserTest;
import health.salus.support.Chromium;
import health.salus.workspace.frontdesk.DeskClinic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The care coordinator's workspace in a real browser: the duplicate review queue (compare a pair side by
 * side, mark it as two people or merge it into the record chosen, after confirming), the confirmation calls
 * for appointments at high no-show risk, and the refusals: a biller or the front desk gets the not-permitted
 * page and no header link. Every page passes axe-core's WCAG 2.1 AA rules at desktop and phone width.
 */
class CoordinatorBrowserTest extends BrowserTest {

    @Autowired
    ResourceStore store;
    @Autowired
    ScheduleSetup setup;
    @Autowired
    Registrations registrations;
    @Autowired
    Appointments appointments;
    @Autowired
    SystemAccess system;
    @Autowired
    DuplicateReviews reviews;

    private CoordinatorClinic clinic;

    @BeforeEach
    void clinic() {
        clinic = new CoordinatorClinic(new DeskClinic(store, setup, registrations, appointments, system), store,
                system, reviews);
    }

    private void signInAsTheCoordinator() {
        signInAs(Role.CARE_COORDINATOR, "Practitioner/" + clinic.coordinator);
    }

    @Test
    void aCoordinatorComparesAPairSideBySideAndMarksThemAsTwoPeople() {
        CoordinatorClinic.Pair pair = clinic.duplicatePair();
        signInAsTheCoordinator();
        // the coordinator's home leads to both screens, and so does the header
        assertThat(browser.findAll("main .cards a[href='/coordinator/duplicates']")).hasSize(1);
        assertThat(browser.findAll("main .cards a[href='/coordinator/calls']")).hasSize(1);
        browser.submit(".main-nav a[href='/coordinator/duplicates']");

        String row = browser.text("tr[data-review='" + pair.reviewId() + "']");
        assertThat(row).contains("9.5").contains("Birth date").contains("Family name").contains("Given name");
        browser.submit("tr[data-review='" + pair.reviewId() + "'] a");
        assertThat(browser.path()).isEqualTo("/coordinator/duplicates/" + pair.reviewId());
        assertThat(browser.text("h1")).isEqualTo("Compare two patient records");
        assertThat(browser.text("tr[data-field=name]")).contains(pair.onFileName()).contains(pair.newName())
                .contains("Different");
        assertThat(browser.find("tr[data-field=name]").getAttribute("class")).isEqualTo("differs");
        assertThat(browser.text("tr[data-field=birthDate]")).endsWith("Same");
        assertThat(browser.text("tr[data-field=phone]")).contains("(555) 555-0199").contains("Different");
        assertThat(browser.text("tr[data-field=email]")).contains("beth@example.org").contains("Not recorded");
        assertThat(browser.text("tr[data-field=identifier]")).contains("MR TST" + pair.family().toUpperCase());

        browser.submit("#not-duplicate");
        assertThat(browser.path()).isEqualTo("/coordinator/duplicates");
        assertThat(browser.text("#decided")).isEqualTo("Marked as two different people. The pair has left the queue.");
        assertThat(browser.findAll("tr[data-review='" + pair.reviewId() + "']")).isEmpty();
        assertThat(reviews.find(pair.reviewId()).orElseThrow().status()).isEqualTo(DuplicateReview.Status.NOT_DUPLICATE);
        browser.open("/coordinator/duplicates/" + pair.reviewId());
        assertThat(browser.text("#decided-already")).isEqualTo("This pair was already marked as two different people.");
        assertThat(browser.findAll("#not-duplicate, #merge")).isEmpty();
    }

    @Test
    void aCoordinatorMergesAPairIntoTheRecordTheyChooseAfterConfirming() {
        CoordinatorClinic.Pair pair = clinic.duplicatePair();
        signInAsTheCoordinator();
        browser.open("/coordinator/duplicates/" + pair.reviewId());

        // merging without choosing which record stays is refused beside the choice, and changes nothing
        browser.submit("#merge");
        assertThat(browser.text("#error-summary")).contains("Choose which record to keep");
        assertThat(browser.find("form.decide fieldset").getAttribute("aria-invalid")).isEqualTo("true");
        browser.click("#survivor-new").submit("#merge");
        assertThat(browser.text("h1")).isEqualTo("Confirm the merge");
        assertThat(browser.text("#merge-summary")).contains("Keep the record of " + pair.newName() + ".")
                .contains("Merge the record of " + pair.onFileName() + " into it.");
        assertThat(reviews.find(pair.reviewId()).orElseThrow().status()).isEqualTo(DuplicateReview.Status.OPEN);

        browser.submit("#confirm-merge");
        assertThat(browser.path()).isEqualTo("/coordinator/duplicates");
        assertThat(browser.text("#decided")).isEqualTo("The records were merged. The pair has left the queue.");
        assertThat(browser.findAll("tr[data-review='" + pair.reviewId() + "']")).isEmpty();
        // the record on file now points at the one kept, and the pair says it was merged
        Patient mergedAway = clinic.read(Patient.class, pair.onFile());
        assertThat(mergedAway.getActive()).isFalse();
        assertThat(mergedAway.getLink()).anySatisfy(link -> {
            assertThat(link.getType()).isEqualTo(Patient.LinkType.REPLACEDBY);
            assertThat(link.getOther().getReference()).endsWith("Patient/" + pair.newRecord());
        });
        browser.open("/coordinator/duplicates/" + pair.reviewId());
        assertThat(browser.text("#decided-already")).isEqualTo("This pair was already merged.");
    }

    @Test
    void aPairSomeoneElseDecidedMeanwhileIsRefusedWithAFriendlyMessage() {
        CoordinatorClinic.Pair pair = clinic.duplicatePair();
        signInAsTheCoordinator();
        browser.open("/coordinator/duplicates/" + pair.reviewId());
        assertThat(reviews.decide(pair.reviewId(), DuplicateReview.Status.NOT_DUPLICATE, "another-reviewer")).isTrue();

        browser.submit("#not-duplicate");

        assertThat(browser.path()).isEqualTo("/coordinator/duplicates/" + pair.reviewId());
        assertThat(browser.text("#refused")).isEqualTo("Someone has already reviewed this pair, so nothing was changed.");
        assertThat(browser.driver().getPageSource()).doesNotContain("Exception");
    }

    @Test
    void aCoordinatorRecordsACallConfirmedByPhoneAndItLeavesTheOpenList() {
        CoordinatorClinic.Call call = clinic.highRiskAppointment("09:00");
        CoordinatorClinic.Call unanswered = clinic.highRiskAppointment("15:00");
        signInAsTheCoordinator();
        browser.submit(".main-nav a[href='/coordinator/calls']");

        String card = browser.text("li[data-task='" + call.taskId() + "']");
        assertThat(card).contains(call.patientName()).contains(call.phone().replaceAll("\\D", "")).contains("Okafor")
                .contains("no-show risk 64 %").contains(String.valueOf(call.day().getYear()))
                .contains("Not called yet");
        // soonest due first
        List<String> order = browser.findAll("li.call").stream().map(li -> li.getAttribute("data-task")).toList();
        assertThat(order.indexOf(call.taskId())).isLessThan(order.indexOf(unanswered.taskId()));

        browser.submit("li[data-task='" + unanswered.taskId() + "'] button.no-answer");
        assertThat(browser.text("#recorded")).isEqualTo("Recorded: no answer. The call stays on the list.");
        assertThat(browser.text("li[data-task='" + unanswered.taskId() + "']")).contains("1 call without answer");

        browser.submit("li[data-task='" + call.taskId() + "'] button.confirmed");
        assertThat(browser.path()).isEqualTo("/coordinator/calls");
        assertThat(browser.text("#recorded"))
                .isEqualTo("Recorded: the patient confirmed by phone. The appointment stays booked.");
        assertThat(browser.findAll("li[data-task='" + call.taskId() + "']")).isEmpty();
        assertThat(clinic.read(Task.class, call.taskId()).getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
    }

    @Test
    void billersAndTheFrontDeskAreRefusedTheCoordinatorPagesAndSeeNoLinkToThem() {
        CoordinatorClinic.Pair pair = clinic.duplicatePair();
        CoordinatorClinic.Call call = clinic.highRiskAppointment("10:30");
        signInAs(Role.BILLER);
        assertThat(browser.findAll(".main-nav a[href^='/coordinator']")).isEmpty();
        for (String page : List.of("/coordinator/duplicates", "/coordinator/duplicates/" + pair.reviewId(),
                "/coordinator/calls")) {
            browser.open(page);
            assertThat(browser.text("h1")).as("biller on " + page).isEqualTo("This page is not available to you");
            assertThat(browser.driver().getPageSource()).doesNotContain(pair.family()).doesNotContain(call.patientName());
        }
        // the front desk works the duplicate queue (the policy lets it merge), but not the coordinator's calls
        signInAs(Role.FRONT_DESK);
        assertThat(browser.findAll(".main-nav a[href='/coordinator/calls']")).isEmpty();
        browser.open("/coordinator/calls");
        assertThat(browser.text("h1")).isEqualTo("This page is not available to you");
        assertThat(browser.driver().getPageSource()).doesNotContain(call.patientName());
    }

    @Test
    void theCoordinatorPagesPassAxeAtDesktopAndPhoneWidth() {
        CoordinatorClinic.Pair pair = clinic.duplicatePair();
        CoordinatorClinic.Pair decided = clinic.duplicatePair();
        reviews.decide(decided.reviewId(), DuplicateReview.Status.NOT_DUPLICATE, "another-reviewer");
        CoordinatorClinic.Call call = clinic.highRiskAppointment("08:30");
        signInAsTheCoordinator();
        browser.open("/coordinator/calls");
        browser.submit("li[data-task='" + call.taskId() + "'] button.no-answer");
        String compare = "/coordinator/duplicates/" + pair.reviewId();
        List<String> pages = List.of("/coordinator/duplicates?lang=en", compare, compare + "/merge",
                compare + "/merge?survivor=" + pair.onFile(), "/coordinator/duplicates/" + decided.reviewId(),
                "/coordinator/calls", "/coordinator/duplicates?lang=es", compare, "/coordinator/calls?lang=es");
        List<String> violations = new ArrayList<>();
        for (int width : new int[] {Chromium.DESKTOP_WIDTH, Chromium.PHONE_WIDTH}) {
            for (String page : pages) {
                browser.width(width).open(page);
                browser.accessibilityViolations().forEach(v -> violations.add(page + " @" + width + "px: " + v));
            }
            browser.open("/coordinator/calls?lang=en");
        }
        assertThat(violations).as("axe-core WCAG 2.1 A/AA violations").isEmpty();
        if (Boolean.getBoolean("salus.write-docs")) {
            Path docs = Path.of(System.getProperty("user.dir")).resolveSibling("docs").resolve("screenshots");
            for (String[] shot : new String[][] {{"coordinator-duplicates", "/coordinator/duplicates"},
                    {"coordinator-compare", compare}, {"coordinator-merge", compare + "/merge?survivor=" + pair.onFile()},
                    {"coordinator-calls", "/coordinator/calls"}}) {
                browser.width(Chromium.DESKTOP_WIDTH).open(shot[1]);
                browser.screenshot(docs.resolve(shot[0] + "-desktop.png"));
                browser.width(Chromium.PHONE_WIDTH).open(shot[1]);
                browser.screenshot(docs.resolve(shot[0] + "-360.png"));
            }
        }
    }
}
