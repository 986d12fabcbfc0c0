package health.salus.audit;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.fhir.ResourceStore;
import health.salus.security.Accounts;
import health.salus.security.Role;
import health.salus.security.SystemAccess;
import health.salus.support.FhirApiTest;
import health.salus.support.SignIn;
import health.salus.support.TestUsers;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every access to patient data is on the trail before the answer leaves: who (account and roles),
 * whose record, why, with what outcome, from where — and when the trail cannot be written, nothing
 * is answered at all.
 */
class PatientAccessAuditTest extends FhirApiTest {

    private static final String USER_AGENT = "SalusAuditTest/1.0 (ward tablet)";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SystemAccess systemAccess;
    @Autowired
    ResourceStore store;

    @Test
    void aPhysiciansPermittedReadIsRecordedWithActorPatientPurposeAndOrigin() {
        Clinic clinic = clinic();
        HttpResponse<String> read = asPhysician(clinic, "/Patient/" + clinic.related);
        expect(read, 200);
        Map<String, Object> entry = onlyEntryOf(read);
        assertThat(entry).containsEntry("actor_id", clinic.physicianAccount).containsEntry("actor_roles", "physician")
                .containsEntry("patient_id", clinic.related).containsEntry("resource_type", "Patient")
                .containsEntry("resource_ids", clinic.related).containsEntry("category", "PATIENT_DATA")
                .containsEntry("action", "read").containsEntry("outcome", "SUCCESS")
                .containsEntry("purpose", "TREATMENT").containsEntry("user_agent", USER_AGENT)
                .containsEntry("client_ip", "127.0.0.1").containsEntry("on_behalf_of", "client:" + SignIn.SMART_APP);
    }

    @Test
    void aPhysiciansDeniedReadIsRecordedAsDeniedWithTheSameDetail() {
        Clinic clinic = clinic();
        HttpResponse<String> read = asPhysician(clinic, "/Patient/" + clinic.unrelated);
        expect(read, 403);
        Map<String, Object> entry = onlyEntryOf(read);
        assertThat(entry).containsEntry("actor_id", clinic.physicianAccount).containsEntry("actor_roles", "physician")
                .containsEntry("patient_id", clinic.unrelated).containsEntry("resource_type", "Patient")
                .containsEntry("resource_ids", clinic.unrelated).containsEntry("action", "read")
                .containsEntry("outcome", "DENIED").containsEntry("purpose", "TREATMENT")
                .containsEntry("detail", "patient-not-reachable").containsEntry("user_agent", USER_AGENT)
                .containsEntry("client_ip", "127.0.0.1");
    }

    @Test
    void aSearchIsOneRecordPerPatientAndTypeWrittenInOneGo() {
        Clinic clinic = clinic();
        HttpResponse<String> search = asPhysician(clinic, "/Patient?_id=" + clinic.related
                + "&_revinclude=CareTeam:subject");
        expect(search, 200);
        List<Map<String, Object>> entries = entriesOf(search);
        assertThat(entries).extracting(e -> e.get("resource_type")).containsExactlyInAnyOrder("Patient", "CareTeam");
        assertThat(entries).allSatisfy(e -> assertThat(e).containsEntry("patient_id", clinic.related)
                .containsEntry("action", "search"));
        long first = ((Number) entries.get(0).get("sequence")).longValue();
        long second = ((Number) entries.get(1).get("sequence")).longValue();
        assertThat(Math.abs(first - second)).as("written in one batch, next to each other").isEqualTo(1);
    }

    @Test
    void aWholeRecordOperationIsRecordedAsEverythingNotAsASearch() {
        Clinic clinic = clinic();
        HttpResponse<String> everything = asPhysician(clinic, "/Patient/" + clinic.related + "/$everything");
        expect(everything, 200);
        // the operation first reads the Patient (a 404 or 403 must come before anything else), then the record
        List<Map<String, Object>> entries = entriesOf(everything);
        assertThat(entries).extracting(e -> e.get("action")).containsOnly("read", "everything")
                .doesNotContain("search");
        assertThat(entries).filteredOn(e -> "everything".equals(e.get("action")))
                .extracting(e -> e.get("patient_id") + " " + e.get("resource_type"))
                .contains(clinic.related + " Patient", clinic.related + " CareTeam");

        HttpResponse<String> search = asPhysician(clinic, "/Patient?_id=" + clinic.related);
        expect(search, 200);
        assertThat(entriesOf(search)).singleElement().satisfies(e -> assertThat(e).containsEntry("action", "search"));
    }

    @Test
    void aTransactionBundleIsRecordedInOneWritePerPatientAndTypeNotOnePerEntry() {
        org.hl7.fhir.r4.model.Bundle bundle = new org.hl7.fhir.r4.model.Bundle()
                .setType(org.hl7.fhir.r4.model.Bundle.BundleType.TRANSACTION);
        bundle.addEntry().setFullUrl("urn:uuid:p1").setResource(new Patient().addName(
                new org.hl7.fhir.r4.model.HumanName().setFamily(unique()))).getRequest()
                .setMethod(org.hl7.fhir.r4.model.Bundle.HTTPVerb.POST).setUrl("Patient");
        for (int i = 0; i < 3; i++) {
            org.hl7.fhir.r4.model.Observation observation = new org.hl7.fhir.r4.model.Observation();
            observation.setStatus(org.hl7.fhir.r4.model.Observation.ObservationStatus.FINAL)
                    .setSubject(new Reference("urn:uuid:p1")).getCode().setText("weight");
            bundle.addEntry().setResource(observation).getRequest()
                    .setMethod(org.hl7.fhir.r4.model.Bundle.HTTPVerb.POST).setUrl("Observation");
        }
        HttpResponse<String> response = http.post("/", json(bundle));
        expect(response, 200);

        List<Map<String, Object>> entries = entriesOf(response);
        assertThat(entries).extracting(e -> e.get("resource_type") + " " + e.get("action"))
                .containsExactlyInAnyOrder("Patient create", "Observation create");
        assertThat(entries).extracting(e -> ((String) e.get("resource_ids")).split(",").length)
                .containsExactlyInAnyOrder(1, 3);
        long first = ((Number) entries.get(0).get("sequence")).longValue();
        long second = ((Number) entries.get(1).get("sequence")).longValue();
        assertThat(Math.abs(first - second)).as("written in one batch, next to each other").isEqualTo(1);
    }

    @Test
    void aJobsAccessesAreRecordedOncePerCallWithPurposeSystem() {
        Clinic clinic = clinic();
        String job = "audit-test-" + unique();
        systemAccess.run(job, () -> {
            store.read("Patient", clinic.related);
            store.read("Patient", clinic.unrelated);
            store.read("Patient", clinic.related);
        });
        List<Map<String, Object>> entries = jdbc.queryForList("select * from audit_entry where actor_id = ? "
                + "order by sequence", "system:" + job);
        assertThat(entries).extracting(e -> e.get("patient_id")).containsExactly(clinic.related, clinic.unrelated);
        assertThat(entries).allSatisfy(e -> assertThat(e).containsEntry("purpose", "SYSTEM")
                .containsEntry("outcome", "SUCCESS").containsEntry("action", "read"));
        assertThat(entries.get(0)).containsEntry("resource_ids", clinic.related + "," + clinic.related);
    }

    @Test
    void whenTheTrailCannotBeWrittenAReadAnswers503WithoutTheResourceAndAWriteLeavesNothing() {
        String family = unique();
        String id = create(new Patient().addName(new org.hl7.fhir.r4.model.HumanName().setFamily(family)))
                .getIdElement().getIdPart();
        String otherFamily = unique();
        HttpResponse<String> read;
        HttpResponse<String> found;
        HttpResponse<String> write;
        // the trail's table out of reach: every audit write now fails, as with a database fault
        jdbc.execute("alter table audit_entry rename to audit_entry_away");
        try {
            read = http.get("/Patient/" + id);
            found = http.get("/Patient?family=" + family);
            write = http.post("/Patient", json(new Patient().addName(
                    new org.hl7.fhir.r4.model.HumanName().setFamily(otherFamily))));
        } finally {
            jdbc.execute("alter table audit_entry_away rename to audit_entry");
        }
        outcome(read, 503);
        assertThat(read.body()).doesNotContain(family).doesNotContain("\"resourceType\":\"Patient\"");
        outcome(found, 503);
        assertThat(found.body()).doesNotContain(family).doesNotContain("Bundle");
        assertThat(found.headers().firstValue("X-Request-Id")).as("the refusal keeps its reference").isPresent();
        outcome(write, 503);
        assertThat(search("Patient?family=" + otherFamily).getEntry()).as("the refused write left nothing").isEmpty();
        expect(http.get("/Patient/" + id), 200);
    }

    private record Clinic(String related, String unrelated, String physicianAccount, String token) {
    }

    private Clinic clinic() {
        String doctor = create(new Practitioner().addName(new org.hl7.fhir.r4.model.HumanName().setFamily(unique())))
                .getIdElement().getIdPart();
        String related = create(new Patient().setGender(Enumerations.AdministrativeGender.FEMALE)
                .addName(new org.hl7.fhir.r4.model.HumanName().setFamily(unique()))).getIdElement().getIdPart();
        String unrelated = create(new Patient().addName(new org.hl7.fhir.r4.model.HumanName().setFamily(unique())))
                .getIdElement().getIdPart();
        create(new CareTeam().setStatus(CareTeam.CareTeamStatus.ACTIVE).setSubject(new Reference("Patient/" + related))
                .addParticipant(new CareTeam.CareTeamParticipantComponent()
                        .setMember(new Reference("Practitioner/" + doctor))));
        String username = TestUsers.create(accounts, Role.PHYSICIAN, "Practitioner/" + doctor);
        String token = SignIn.smartToken(port, username, "openid fhirUser user/*.cruds").get("access_token").asText();
        return new Clinic(related, unrelated, accounts.idOf(username).orElseThrow(), token);
    }

    private HttpResponse<String> asPhysician(Clinic clinic, String path) {
        return send("GET", path, null, Map.of("Authorization", "Bearer " + clinic.token, "User-Agent", USER_AGENT,
                "Accept", "application/fhir+json"));
    }

    private Map<String, Object> onlyEntryOf(HttpResponse<String> response) {
        List<Map<String, Object>> entries = entriesOf(response);
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    private List<Map<String, Object>> entriesOf(HttpResponse<String> response) {
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(requestId).matches("[0-9a-f]{32}");
        return jdbc.queryForList("select * from audit_entry where request_id = ? order by sequence", requestId);
    }

    @SuppressWarnings("unused")
    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url));
    }
}
