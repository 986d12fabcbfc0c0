package health.salus.portal;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.fhir.ResourceStore;
import health.salus.scheduling.booking.Appointments;
import health.salus.security.Role;
import health.salus.security.SystemAccess;
import health.salus.support.BrowserTest;
import health.salus.support.Chromium;
import health.salus.support.Api;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every portal page, the patient's and the family member's, in its usual and its error states, passes
 * axe-core's WCAG 2.1 A/AA checks at desktop width and at 360 px. With {@code -Dsalus.write-docs=true}
 * the pages are also saved to docs/screenshots/ (portal-*.png) for the user guide.
 */
class PortalAccessibilityTest extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");

    @Autowired
    ResourceStore store;
    @Autowired
    SystemAccess system;
    @Autowired
    Appointments appointments;

    private final List<String> violations = new ArrayList<>();

    @Test
    void everyPortalPageHasNoAccessibilityViolationsOnADesktopAndAPhone() {
        PortalClinic clinic = new PortalClinic(port, accounts, store, system);
        String site = clinic.site();
        String doctor = clinic.practitioner(site, "Doc" + PortalClinic.unique());
        String patient = clinic.patient("Axe" + PortalClinic.unique());
        String relatedPerson = clinic.familyMember(patient, "Kin" + PortalClinic.unique());
        clinic.familyMember(patient, "Carer" + PortalClinic.unique());
        clinic.condition(patient, "Seasonal hay fever");
        clinic.immunization(patient, "Influenza vaccine");
        clinic.book(appointments, patient, doctor, site, "09:00");
        clinic.grant(patient, "RelatedPerson/" + relatedPerson, List.of("Patient", "Appointment", "Condition"));
        String physician = clinic.user(Role.PHYSICIAN, "Practitioner/" + doctor);
        PortalClinic.expect(Api.call(port, clinic.tokenFor(physician), "GET", "/fhir/Patient/" + patient, null), 200);

        browser.signIn(clinic.user(Role.PATIENT, "Patient/" + patient));
        check("patient-home", "/home/patient");
        check("patient-appointments", "/portal/appointments");
        check("patient-book", "/portal/appointments/book?practitioner=" + doctor);
        check("patient-record", "/portal/record");
        check("patient-accesses", "/portal/record/accesses");
        check("patient-sharing", "/portal/sharing");
        check("patient-preferences", "/portal/preferences");
        checkAfter("patient-preferences-error", "/portal/preferences", () -> {
            browser.setValue("#quietStart", "21:00");
            browser.submit("main form button[type=submit]");
        });
        checkAfter("patient-sharing-error", "/portal/sharing", () -> browser.submit(".share-form button[type=submit]"));
        checkAfter("patient-appointments-confirm", "/portal/appointments", () -> browser.click("details.confirm summary"));

        browser.signIn(clinic.user(Role.PROXY, "RelatedPerson/" + relatedPerson));
        check("family-home", "/home/proxy");
        check("family-record", "/family/" + patient);

        assertThat(violations).isEmpty();
    }

    private void check(String name, String path) {
        checkAfter(name, path, () -> { });
    }

    /** Opens {@code path}, does {@code action}, then checks (and maybe photographs) at both widths. */
    private void checkAfter(String name, String path, Runnable action) {
        for (int width : new int[] {Chromium.DESKTOP_WIDTH, Chromium.PHONE_WIDTH}) {
            browser.width(width).open(path);
            action.run();
            browser.accessibilityViolations().forEach(v -> violations.add(name + " at " + width + " px: " + v));
            if (Boolean.getBoolean("salus.write-docs")) {
                browser.screenshot(SCREENSHOTS.resolve("portal-" + name + "-" + width + ".png"));
            }
        }
        browser.width(Chromium.DESKTOP_WIDTH);
    }
}
