package health.salus.workspace.clinician;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.fhir.Interaction;
import health.salus.fhir.ResourceStore;
import health.salus.security.Accounts;
import health.salus.security.RecordsAccessed;
import health.salus.security.Role;
import health.salus.security.SystemAccess;
import health.salus.support.Browser;
import health.salus.support.SalusIntegrationTest;
import health.salus.support.SignIn;
import health.salus.support.TestUsers;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The chart page's reads go on the audit trail together: every type the page showed is recorded as
 * accessed by the physician, in one report for its dozen searches rather than one per search; a chart
 * the physician may not open records nothing of the patient as accessed.
 */
@SalusIntegrationTest
class ChartAuditTest {

    private static ChartClinic clinic;

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    ResourceStore store;
    @Autowired
    SystemAccess system;
    @Autowired
    health.salus.support.AccessEvents events;

    @BeforeEach
    void clinic() {
        if (clinic == null) {
            clinic = new ChartClinic(store, system);
        }
    }

    @Test
    void theChartsSearchesAreReportedAsAccessedInOneReport() {
        String username = TestUsers.create(accounts, Role.PHYSICIAN, "Practitioner/" + clinic.doctor);
        String accountId = accounts.idOf(username).orElseThrow();
        Browser doctor = SignIn.browser(port, username);

        assertThat(doctor.get("/clinician/patients/" + clinic.cared).statusCode()).isEqualTo(200);

        List<RecordsAccessed> searches = events.all().stream().filter(e -> e.subjectId().equals(accountId)
                && e.interaction() == Interaction.SEARCH).toList();
        assertThat(searches).hasSize(1);
        assertThat(searches.get(0).items()).allSatisfy(item -> assertThat(item.compartment()).isEqualTo(clinic.cared))
                .extracting(RecordsAccessed.Item::resourceType).contains("Condition", "MedicationRequest",
                        "AllergyIntolerance", "Observation", "Immunization", "CareTeam", "Encounter",
                        "DocumentReference", "Flag");
    }

    @Test
    void aChartOutsideThePhysiciansCareReportsNothingOfThePatientAsAccessed() {
        String username = TestUsers.create(accounts, Role.PHYSICIAN, "Practitioner/" + clinic.doctor);
        String accountId = accounts.idOf(username).orElseThrow();
        Browser doctor = SignIn.browser(port, username);

        assertThat(doctor.get("/clinician/patients/" + clinic.stranger).statusCode()).isEqualTo(403);

        assertThat(events.itemsFor(accountId)).noneMatch(item -> clinic.stranger.equals(item.compartment()));
    }
}
