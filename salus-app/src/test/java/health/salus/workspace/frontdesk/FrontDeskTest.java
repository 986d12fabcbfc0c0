package health.salus.workspace.frontdesk;

import health.salus.fhir.ResourceStore;
import health.salus.patients.registration.Registrations;
import health.salus.scheduling.availability.ScheduleSetup;
import health.salus.scheduling.booking.Appointments;
import health.salus.security.SystemAccess;
import health.salus.support.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Browser tests of the front desk's pages: the shared browser, plus a {@link DeskClinic} to set data up. */
abstract class FrontDeskTest extends BrowserTest {

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

    DeskClinic newClinic() {
        return new DeskClinic(store, setup, registrations, appointments, system);
    }

    /** Types a person into the registration form as the desk does (Springfield, IL; privacy notice acknowledged). */
    void fill(DeskClinic.Person person) {
        browser.type("#given", person.given()).type("#family", person.family())
                .setValue("#birthDate", person.birthDate()).select("#gender", "female")
                .type("#addressLine", person.street()).type("#city", "Springfield").type("#state", "IL")
                .type("#postalCode", "62701").type("#phone", person.phone());
        browser.click("#privacyAcknowledged");
    }
}
