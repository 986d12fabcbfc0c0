package health.salus.patients.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.salus.fhir.ResourceStore;
import health.salus.fhir.SearchRequest;
import health.salus.security.Accounts;
import health.salus.security.Role;
import health.salus.security.SystemAccess;
import health.salus.support.Api;
import health.salus.support.SalusIntegrationTest;
import health.salus.support.SignIn;
import health.salus.support.TestUsers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the master patient index decides at registration (a certain duplicate is blocked, a probable one
 * registered and flagged), and what follows a registration: the welcome email and the portal invitation.
 */
@SalusIntegrationTest
class RegistrationFollowUpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    ResourceStore store;
    @Autowired
    SystemAccess systemAccess;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void registeringTheSamePersonAgainIsBlockedNamingOnlyTheExistingRecord() throws Exception {
        String frontDesk = frontDesk();
        RegistrationJson person = new RegistrationJson();
        JsonNode first = JSON.readTree(register(frontDesk, person).body());

        HttpResponse<String> again = register(frontDesk, person);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(again.body());
        assertThat(problem.get("existingPatientId").asText()).isEqualTo(first.get("patientId").asText());
        assertThat(problem.get("existingMrn").asText()).isEqualTo(first.get("mrn").asText());
        assertThat(again.body()).doesNotContain(person.family).doesNotContain(person.birthDate);
        assertThat(systemAccess.call("test", () -> store.search(new SearchRequest("Patient",
                Map.of("family", List.of(person.family)))).matches())).hasSize(1);
    }

    @Test
    void aProbableDuplicateIsRegisteredFlaggedAndQueuedForReview() throws Exception {
        String frontDesk = frontDesk();
        RegistrationJson person = new RegistrationJson();
        person.with("name", Map.of("given", List.of("Elizabeth"), "family", person.family));
        String existing = JSON.readTree(register(frontDesk, person).body()).get("patientId").asText();
        String family = person.family;
        String typo = family.substring(0, 4) + family.charAt(5) + family.charAt(4) + family.substring(6);
        RegistrationJson similar = new RegistrationJson().with("name", Map.of("given", List.of("Liz"), "family", typo))
                .with("birthDate", person.birthDate).without("email").with("communication", Map.of("channel", "SMS"));

        HttpResponse<String> created = register(frontDesk, similar);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        assertThat(body.get("possibleDuplicate").asBoolean()).isTrue();
        String patientId = body.get("patientId").asText();
        assertThat(jdbc.queryForList("select candidate_patient_id from patients_duplicate_review "
                + "where new_patient_id = ?", String.class, patientId)).containsExactly(existing);
        JsonNode state = JSON.readTree(Api.call(port, frontDesk, "GET", "/api/patients/" + patientId
                + "/registration", null).body());
        assertThat(state.get("possibleDuplicate").asBoolean()).isTrue();
    }

    @Test
    void aRegistrationQueuesOneWelcomeEmailAndOnePortalInvitation() throws Exception {
        String patientId = JSON.readTree(register(frontDesk(), new RegistrationJson()).body()).get("patientId")
                .asText();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select template_key from messaging_notification where patient_id = ?", String.class, patientId))
                .containsExactlyInAnyOrder("welcome", "portal-invitation"));
        assertThat(jdbc.queryForList("select idempotency_key from messaging_notification where patient_id = ?",
                String.class, patientId)).contains("welcome:" + patientId);
        List<String> linked = accounts.idsLinkedTo("Patient/" + patientId);
        assertThat(linked).hasSize(1);
        assertThat(jdbc.queryForObject("select enabled from security_account where id = ?", Boolean.class,
                linked.get(0))).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from security_account_invitation where account_id = ? "
                + "and used_at is null", Integer.class, linked.get(0))).isEqualTo(1);
    }

    private HttpResponse<String> register(String token, RegistrationJson request) {
        return Api.call(port, token, "POST", "/api/patients", request.json());
    }

    private String frontDesk() {
        String username = TestUsers.create(accounts, Role.FRONT_DESK, null);
        return SignIn.smartToken(port, username, "openid user/*.cruds").get("access_token").asText();
    }
}
