package health.salus.audit.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import health.salus.security.Accounts;
import health.salus.security.Role;
import health.salus.support.Api;
import health.salus.support.SignIn;
import health.salus.support.TestUsers;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Privacy officers flag records; any access by someone other than the patient alerts. */
class FlaggedRecordMonitorTest extends MonitorTest {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    @Test
    void aPhysicianReadingAFlaggedRecordAlertsButThePatientReadingTheirOwnDoesNot() {
        String patientId = unique("pat");
        String officer = officerToken();
        assertThat(flag(officer, patientId, "{\"reason\":\"VIP\"}").statusCode()).isEqualTo(200);
        String physician = accounts.idOf(TestUsers.create(accounts, Role.PHYSICIAN, null)).orElseThrow();
        String patient = accounts.idOf(TestUsers.create(accounts, Role.PATIENT, "Patient/" + patientId)).orElseThrow();

        recordAndSettle(List.of(access(patient, patientId, Instant.now())));
        assertThat(alerts(AlertRule.FLAGGED_RECORD_ACCESS, patient)).as("the patient reading their own").isEmpty();

        recordAndSettle(List.of(access(physician, patientId, Instant.now()), access(physician, patientId,
                Instant.now())));
        assertThat(alerts(AlertRule.FLAGGED_RECORD_ACCESS, physician)).singleElement().satisfies(alert -> {
            assertThat(alert.patientId()).isEqualTo(patientId);
            assertThat(alert.severity()).isEqualTo("high");
            assertThat(alert.detail()).contains("flag=VIP");
        });
    }

    @Test
    void accessToAnUnflaggedOrNoLongerFlaggedRecordIsSilent() {
        String patientId = unique("pat");
        String officerName = TestUsers.create(accounts, Role.PRIVACY_OFFICER, null);
        String officer = token(officerName);
        String physician = unique("acct");
        recordAndSettle(List.of(access(physician, patientId, Instant.now())));
        assertThat(flag(officer, patientId, "{\"reason\":\"EMPLOYEE\"}").statusCode()).isEqualTo(200);
        assertThat(Api.call(port, officer, "GET", "/api/audit/flagged-patients", null).body()).contains(patientId)
                .contains("EMPLOYEE");
        assertThat(Api.call(port, officer, "DELETE", "/api/audit/flagged-patients/" + patientId, null).statusCode())
                .isEqualTo(204);
        assertThat(Api.call(port, officer, "DELETE", "/api/audit/flagged-patients/" + patientId, null).statusCode())
                .isEqualTo(404);

        recordAndSettle(List.of(access(physician, patientId, Instant.now())));
        assertThat(alerts(AlertRule.FLAGGED_RECORD_ACCESS, physician)).isEmpty();
        assertThat(jdbc.sql("select action from audit_entry where actor_id = ? and category = 'ADMINISTRATION' "
                + "order by sequence").param(accounts.idOf(officerName).orElseThrow()).query(String.class).list())
                .as("flag changes are audited").containsExactly("flagged-patient-set", "flagged-patient-removed");
    }

    @Test
    void onlyPrivacyOfficersManageFlagsAndBadInputIsRefused() {
        String patientId = unique("pat");
        String physician = token(Role.PHYSICIAN);
        HttpResponse<String> denied = flag(physician, patientId, "{\"reason\":\"VIP\"}");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Api.call(port, physician, "GET", "/api/audit/flagged-patients", null).statusCode()).isEqualTo(403);

        String officer = officerToken();
        assertThat(flag(officer, patientId, "{\"reason\":\"CELEBRITY\"}").statusCode()).isEqualTo(400);
        assertThat(flag(officer, patientId, "{not json").statusCode()).isEqualTo(400);
        assertThat(flag(officer, "bad%20id", "{\"reason\":\"VIP\"}").statusCode()).isEqualTo(400);
        assertThat(Api.call(port, officer, "GET", "/api/audit/flagged-patients", null).body())
                .doesNotContain(patientId);
    }

    private HttpResponse<String> flag(String token, String patientId, String body) {
        return Api.call(port, token, "PUT", "/api/audit/flagged-patients/" + patientId, body);
    }

    private String officerToken() {
        return token(Role.PRIVACY_OFFICER);
    }

    private String token(Role role) {
        return token(TestUsers.create(accounts, role, null));
    }

    private String token(String username) {
        JsonNode token = SignIn.smartToken(port, username, "openid user/*.rs");
        return token.get("access_token").asText();
    }
}
