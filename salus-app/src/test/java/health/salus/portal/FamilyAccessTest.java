package health.salus.portal;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.fhir.ResourceStore;
import health.salus.security.Role;
import health.salus.security.SystemAccess;
import health.salus.support.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Sharing in a real browser: a patient grants their family member chosen parts of their record and
 * revokes it again, and the family member's (proxy's) view follows each change at once — only the
 * parts shared, nothing after the revoke.
 */
class FamilyAccessTest extends BrowserTest {

    @Autowired
    ResourceStore store;
    @Autowired
    SystemAccess system;

    PortalClinic clinic;
    String patient;
    String patientFamily;
    String relatedFamily;
    String relatedPerson;

    @BeforeEach
    void family() {
        clinic = new PortalClinic(port, accounts, store, system);
        patientFamily = "Shares" + PortalClinic.unique();
        patient = clinic.patient(patientFamily);
        relatedFamily = "Kin" + PortalClinic.unique();
        relatedPerson = clinic.familyMember(patient, relatedFamily);
        clinic.condition(patient, "Seasonal hay fever");
        clinic.immunization(patient, "Influenza vaccine");
    }

    @Test
    void grantingAndRevokingFamilyAccessChangesWhatTheFamilyMemberSees() {
        String familyMember = clinic.user(Role.PROXY, "RelatedPerson/" + relatedPerson);
        String patientUser = clinic.user(Role.PATIENT, "Patient/" + patient);

        // before any grant: nothing to see, and the record's page is refused
        browser.signIn(familyMember);
        assertThat(browser.path()).isEqualTo("/home/proxy");
        assertThat(browser.text("main")).contains("Nobody is sharing their record with you");
        browser.open("/family/" + patient);
        assertThat(browser.text("h1")).isEqualTo("This page is not available to you");

        // the patient shares their health conditions only
        browser.signIn(patientUser);
        browser.open("/portal/sharing");
        String form = "#share-RelatedPerson-" + relatedPerson;
        assertThat(browser.text(form + " legend")).isEqualTo("Share with Sam " + relatedFamily + " (child)");
        browser.click(form + " #parts-RelatedPerson-" + relatedPerson + "-conditions").submit(form + " button[type=submit]");
        assertThat(browser.path()).isEqualTo("/portal/sharing?done=granted");
        assertThat(browser.text("ul.grants")).contains("Sam " + relatedFamily).contains("Health conditions")
                .doesNotContain("Vaccinations");

        // the family member sees the patient, their conditions, and not the vaccinations nor appointments
        browser.signIn(familyMember);
        assertThat(browser.text("ul.shared-patients")).isEqualTo("Pat " + patientFamily);
        browser.submit("ul.shared-patients a");
        assertThat(browser.path()).isEqualTo("/family/" + patient);
        assertThat(browser.text("h1")).isEqualTo("Pat " + patientFamily);
        assertThat(section("conditions")).contains("Seasonal hay fever").doesNotContain("Not shared with you.");
        assertThat(section("immunizations")).contains("Not shared with you.").doesNotContain("Influenza");
        assertThat(browser.text("section[aria-labelledby=family-visits]")).contains("Not shared with you.");

        // the patient revokes; the family member loses access at once
        browser.signIn(patientUser);
        browser.open("/portal/sharing");
        browser.submit("ul.grants button.revoke");
        assertThat(browser.path()).isEqualTo("/portal/sharing?done=revoked");
        assertThat(browser.text("main")).contains("You are not sharing your record with anyone.");

        browser.signIn(familyMember);
        assertThat(browser.text("main")).contains("Nobody is sharing their record with you");
        browser.open("/family/" + patient);
        assertThat(browser.text("h1")).isEqualTo("This page is not available to you");
    }

    @Test
    void sharingWithoutChoosingAnyPartIsExplainedAndNothingIsShared() {
        browser.signIn(clinic.user(Role.PATIENT, "Patient/" + patient));
        browser.open("/portal/sharing");
        browser.submit("#share-RelatedPerson-" + relatedPerson + " button[type=submit]");

        assertThat(browser.find(".error-summary").getText())
                .contains("Choose at least one part of your record to share");
        assertThat(browser.driver().switchTo().activeElement().getAttribute("class")).contains("error-summary");
        browser.click(".error-summary a");
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
                .isEqualTo("parts-RelatedPerson-" + relatedPerson + "-appointments");
        assertThat(browser.text("main")).contains("You are not sharing your record with anyone.");
    }

    @Test
    void aFamilyMemberSeesOnlyThePatientsWhoShareWithThem() {
        String otherPatient = clinic.patient("NotMine" + PortalClinic.unique());
        clinic.grant(patient, "RelatedPerson/" + relatedPerson, java.util.List.of("Patient", "Immunization"));

        browser.signIn(clinic.user(Role.PROXY, "RelatedPerson/" + relatedPerson));
        assertThat(browser.text("ul.shared-patients")).isEqualTo("Pat " + patientFamily);
        browser.open("/family/" + patient);
        assertThat(section("immunizations")).contains("Influenza vaccine");
        assertThat(section("conditions")).contains("Not shared with you.");

        browser.open("/family/" + otherPatient);
        assertThat(browser.text("h1")).isEqualTo("This page is not available to you");
    }

    @Test
    void aPatientCannotOpenTheFamilyView() {
        signInAs(Role.PATIENT, "Patient/" + patient);
        browser.open("/home/proxy");
        assertThat(browser.text("h1")).isEqualTo("This page is not available to you");
    }

    private String section(String key) {
        return browser.text("section[aria-labelledby=part-" + key + "]");
    }
}
