package health.salus.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.salus.security.Accounts;
import health.salus.security.Role;
import health.salus.support.Api;
import health.salus.support.SalusIntegrationTest;
import health.salus.support.SignIn;
import health.salus.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Officers read and export the trail; nobody else does; every look is itself on the trail. */
@SalusIntegrationTest
class AuditReportTest {

    /** What an attacker could put in a User-Agent to run a formula in the officer's spreadsheet. */
    private static final String HOSTILE_AGENT = "=HYPERLINK(\"http://evil\",\"x\"), +1";

    @LocalServerPort
    int port;
    @Autowired
    AuditTrail trail;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPrivacyOfficerGetsOnePatientsEntriesAsJsonAndTheLookIsItselfAudited() throws Exception {
        String patient = seedPatientTrail();
        User officer = user(Role.PRIVACY_OFFICER);
        HttpResponse<String> page = Api.call(port, officer.token, "GET", "/api/audit/entries?patient=" + patient
                + "&category=patient-data&size=10", null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        JsonNode json = new ObjectMapper().readTree(page.body());
        assertThat(json.get("total").asLong()).isEqualTo(2);
        JsonNode newest = json.get("entries").get(0);
        assertThat(newest.get("outcome").asText()).isEqualTo("DENIED");
        assertThat(newest.get("patient").asText()).isEqualTo(patient);
        assertThat(newest.get("actor").get("roles").get(0).asText()).isEqualTo("physician");
        assertThat(newest.get("purposeCode").asText()).isEqualTo("TREAT");
        assertThat(json.get("entries").get(1).get("userAgent").asText()).isEqualTo(HOSTILE_AGENT);
        List<String> looks = jdbc.queryForList("select action from audit_entry where category = 'AUDIT' "
                + "and actor_id = ? and patient_id = ? and outcome = 'SUCCESS'", String.class, officer.account, patient);
        assertThat(looks).containsExactly("report");
    }

    @Test
    void theCsvExportIsEscapedAndDefusedAgainstSpreadsheetFormulas() {
        String patient = seedPatientTrail();
        User officer = user(Role.PRIVACY_OFFICER);
        HttpResponse<String> byParameter = get(officer.token, "/api/audit/entries?format=csv&patient=" + patient
                + "&category=PATIENT_DATA", null);
        HttpResponse<String> byAccept = get(officer.token, "/api/audit/entries?patient=" + patient
                + "&category=PATIENT_DATA", "text/csv");
        for (HttpResponse<String> csv : List.of(byParameter, byAccept)) {
            assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            String[] lines = csv.body().split("\r\n");
            assertThat(lines).hasSize(3);
            assertThat(lines[0]).startsWith("sequence,recorded_at,occurred_at,category,action,outcome,actor_id,");
            // RFC 4180 quoting with doubled quotes, and a leading apostrophe so no spreadsheet runs it
            assertThat(lines[2]).contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\"), +1\",")
                    .contains(",'@officer-note,").contains(",\"a,b\",");
            assertThat(lines[1]).contains(",DENIED,").contains(",TREATMENT,");
        }
        assertThat(jdbc.queryForList("select action from audit_entry where category = 'AUDIT' and actor_id = ? "
                + "and patient_id = ?", String.class, officer.account, patient)).containsExactly("export", "export");
    }

    @Test
    void badParametersAreRefusedFieldByFieldWithoutEchoingThem() throws Exception {
        User auditor = user(Role.AUDITOR);
        HttpResponse<String> bad = Api.call(port, auditor.token, "GET", "/api/audit/entries?from=yesterday"
                + "&size=0&category=gossip&patient=Jane%20Doe", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(bad.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("from", "size",
                "category", "patient");
        assertThat(bad.body()).doesNotContain("Jane").doesNotContain("gossip");
    }

    @Test
    void aPhysicianMayNotReadTheTrailAndTheRefusalIsAudited() {
        User physician = user(Role.PHYSICIAN);
        HttpResponse<String> refused = Api.call(port, physician.token, "GET", "/api/audit/entries", null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.body()).doesNotContain("sequence");
        assertThat(jdbc.queryForList("select outcome from audit_entry where category = 'AUDIT' and actor_id = ?",
                String.class, physician.account)).containsExactly("DENIED");
    }

    @Test
    void anAuditorVerifiesTheChainAndAFrontDeskClerkMayNot() throws Exception {
        HttpResponse<String> verified = Api.call(port, user(Role.AUDITOR).token, "GET", "/api/audit/verification",
                null);
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        JsonNode result = new ObjectMapper().readTree(verified.body());
        assertThat(result.get("valid").asBoolean()).as(verified.body()).isTrue();
        assertThat(result.get("entriesChecked").asLong()).isPositive();
        HttpResponse<String> refused = Api.call(port, user(Role.FRONT_DESK).token, "GET", "/api/audit/verification",
                null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("entriesChecked");
    }

    /** Two entries about a fresh patient: a permitted read from a hostile User-Agent, then a refusal. */
    private String seedPatientTrail() {
        String patient = "p" + UUID.randomUUID();
        AuditRecord.Actor nurse = new AuditRecord.Actor("@officer-note", List.of("nurse"), null);
        trail.record(new AuditRecord(Instant.now(), AuditCategory.PATIENT_DATA, "read", AuditOutcome.SUCCESS, nurse,
                patient, "Observation", List.of("a", "b"), PurposeOfUse.TREATMENT,
                new AuditRecord.Origin("127.0.0.1", HOSTILE_AGENT, "r-" + patient), null));
        trail.record(new AuditRecord(Instant.now(), AuditCategory.PATIENT_DATA, "read", AuditOutcome.DENIED,
                new AuditRecord.Actor("someone", List.of("physician"), null), patient, "Patient", List.of(patient),
                PurposeOfUse.TREATMENT, AuditRecord.Origin.NONE, "patient-not-reachable"));
        return patient;
    }

    private record User(String account, String token) {
    }

    private User user(Role role) {
        String username = TestUsers.create(accounts, role, null);
        String token = SignIn.smartToken(port, username, "openid user/*.rs").get("access_token").asText();
        return new User(accounts.idOf(username).orElseThrow(), token);
    }

    private HttpResponse<String> get(String token, String path, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token);
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
