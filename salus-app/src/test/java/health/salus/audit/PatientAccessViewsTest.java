package health.salus.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.salus.security.Accounts;
import health.salus.support.Api;
import health.salus.support.FhirApiTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Consent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The patient's "who looked at my record" and the accounting of disclosures: plain words for the
 * patient, their granted family member while the grant lasts, and the privacy officer; refusals for
 * everyone else.
 */
class PatientAccessViewsTest extends FhirApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static AuditViewsClinic clinic;

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    private AuditViewsClinic clinic() {
        if (clinic == null) {
            clinic = new AuditViewsClinic(port, accounts, resource -> create(resource).getIdElement().getIdPart());
        }
        return clinic;
    }

    @Test
    void thePatientSeesTheNurseAndPhysicianInPlainWordsButNotTheirOwnReadsOrAnotherPatientsRecord() {
        AuditViewsClinic c = clinic();
        expect(c.nursing.get("/Observation?patient=" + c.patient), 200);
        expect(c.physician.get("/Patient/" + c.patient), 200);
        expect(c.patientApp.get("/Observation?patient=" + c.patient), 200);
        expect(c.otherPhysician.get("/Observation/" + c.otherObservation), 200);

        List<JsonNode> items = items(api(c.patientToken, "/api/audit/my-record/accesses"), 200);
        assertThat(items).anySatisfy(item -> {
            assertThat(item.get("who").asText()).isEqualTo("Sam Okafor");
            assertThat(item.get("role").asText()).isEqualTo("Nurse");
            assertThat(item.get("what").asText()).isEqualTo("viewed your test results and vital signs (3 items)");
            assertThat(item.get("purpose").asText()).isEqualTo("your care");
            assertThat(item.get("breakGlass").asBoolean()).isFalse();
            assertThat(item.get("when").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        });
        assertThat(items).anySatisfy(item -> {
            assertThat(item.get("who").asText()).isEqualTo("Dr. Avery Lind");
            assertThat(item.get("role").asText()).isEqualTo("Physician");
            assertThat(item.get("what").asText()).isEqualTo("viewed your personal details (1 item)");
        });
        assertThat(items).noneSatisfy(item -> assertThat(item.get("role").asText()).isEqualTo("Patient"));
        assertThat(items).noneSatisfy(item -> assertThat(item.get("who").asText()).contains("Haddad"));
        // the other patient sees the other physician, and nothing of the first patient's record
        List<JsonNode> others = items(api(c.otherPatientToken, "/api/audit/my-record/accesses"), 200);
        assertThat(others).anySatisfy(item -> assertThat(item.get("who").asText()).isEqualTo("Dr. Noor Haddad"));
        assertThat(others).noneSatisfy(item -> assertThat(item.get("who").asText()).isIn("Sam Okafor",
                "Dr. Avery Lind"));
    }

    @Test
    void anotherPatientAndStaffAreRefusedSomeoneElsesReport() {
        AuditViewsClinic c = clinic();
        assertProblem(api(c.otherPatientToken, "/api/audit/my-record/accesses?patient=" + c.patient), 403);
        assertProblem(api(c.physicianToken, "/api/audit/my-record/accesses?patient=" + c.patient), 403);
        assertProblem(api(c.privacyOfficerToken, "/api/audit/my-record/accesses?patient=" + c.patient), 403);
        assertProblem(api(c.patientToken, "/api/audit/my-record/accesses?from=yesterday"), 400);
    }

    @Test
    void aProxyWithAGrantSeesTheAccessesUntilTheGrantIsRevoked() {
        AuditViewsClinic c = clinic();
        expect(c.nursing.get("/Observation/" + c.observations.get(2)), 200);
        List<JsonNode> items = items(api(c.proxyToken, "/api/audit/my-record/accesses?patient=" + c.patient), 200);
        assertThat(items).anySatisfy(item -> {
            assertThat(item.get("who").asText()).isEqualTo("Sam Okafor");
            assertThat(item.get("what").asText()).startsWith("viewed their test results and vital signs");
        });
        assertProblem(api(c.proxyToken, "/api/audit/my-record/accesses?patient=" + c.otherPatient), 403);

        Consent consent = read(Consent.class, c.consent);
        consent.setStatus(Consent.ConsentState.INACTIVE);
        expect(http.put("/Consent/" + c.consent, json(consent), Map.of()), 200);
        try {
            assertProblem(api(c.proxyToken, "/api/audit/my-record/accesses?patient=" + c.patient), 403);
        } finally {
            consent.setStatus(Consent.ConsentState.ACTIVE);
            consent.setId(c.consent);
            expect(http.put("/Consent/" + c.consent, json(consent), Map.of()), 200);
        }
    }

    @Test
    void disclosuresListAProxysReadAndABreakGlassReadButNotTheTreatingPhysiciansRead() {
        AuditViewsClinic c = clinic();
        expect(c.physician.get("/Observation/" + c.observations.get(0)), 200);
        expect(c.proxy.get("/Observation/" + c.observations.get(1)), 200);
        HttpResponse<String> glass = Api.call(port, c.otherPhysicianToken, "POST", "/api/security/break-glass",
                "{\"patient\":\"" + c.patient + "\",\"reason\":\"Unconscious in the emergency department\"}");
        assertThat(glass.statusCode()).as(glass.body()).isEqualTo(200);
        expect(c.otherPhysician.get("/Observation/" + c.observations.get(2)), 200);

        List<JsonNode> disclosures = items(api(c.privacyOfficerToken, "/api/audit/disclosures?patient="
                + c.patient), 200);
        assertThat(disclosures).anySatisfy(d -> {
            assertThat(d.at("/recipient/id").asText()).isEqualTo(c.proxyAccount);
            assertThat(d.at("/recipient/name").asText()).isEqualTo("Robin Kin");
            assertThat(d.at("/what/resourceType").asText()).isEqualTo("Observation");
            assertThat(d.at("/what/count").asInt()).isEqualTo(1);
            assertThat(d.get("breakGlass").asBoolean()).isFalse();
        });
        assertThat(disclosures).anySatisfy(d -> {
            assertThat(d.at("/recipient/id").asText()).isEqualTo(c.otherPhysicianAccount);
            assertThat(d.get("breakGlass").asBoolean()).isTrue();
            assertThat(d.get("purposeCode").asText()).isEqualTo("ETREAT");
        });
        assertThat(disclosures).noneSatisfy(d -> assertThat(d.at("/recipient/id").asText())
                .isIn(c.physicianAccount, c.nurseAccount));
        // the patient sees the same for their own record; nobody else does
        assertThat(items(api(c.patientToken, "/api/audit/disclosures"), 200)).hasSize(disclosures.size());
        assertProblem(api(c.otherPatientToken, "/api/audit/disclosures?patient=" + c.patient), 403);
        assertProblem(api(c.physicianToken, "/api/audit/disclosures?patient=" + c.patient), 403);
        assertProblem(api(c.auditorToken, "/api/audit/disclosures?patient=" + c.patient), 403);
        // and the patient's report marks the emergency access
        assertThat(items(api(c.patientToken, "/api/audit/my-record/accesses"), 200)).anySatisfy(item -> {
            assertThat(item.get("who").asText()).isEqualTo("Dr. Noor Haddad");
            assertThat(item.get("purpose").asText()).isEqualTo("emergency access");
            assertThat(item.get("breakGlass").asBoolean()).isTrue();
        });
    }

    private HttpResponse<String> api(String token, String path) {
        return Api.call(port, token, "GET", path, null);
    }

    private static List<JsonNode> items(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        try {
            List<JsonNode> items = new ArrayList<>();
            JSON.readTree(response.body()).forEach(items::add);
            return items;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    }
}
