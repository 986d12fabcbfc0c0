package health.salus.audit.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.salus.audit.AuditCategory;
import health.salus.audit.AuditOutcome;
import health.salus.audit.AuditRecord;
import health.salus.audit.PurposeOfUse;
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

/** Privacy officers list and acknowledge alerts; other roles get a 403 problem; raising is audited. */
class AlertApiTest extends MonitorTest {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    @Test
    void aPrivacyOfficerListsAndAcknowledgesAnAlertAndBothAreAudited() throws Exception {
        String alertId = breakGlassAlert();
        String officerName = TestUsers.create(accounts, Role.PRIVACY_OFFICER, null);
        String officer = token(officerName);

        JsonNode open = json(Api.call(port, officer, "GET", "/api/audit/alerts?status=open", null));
        assertThat(open.findValuesAsText("id")).contains(alertId);
        HttpResponse<String> acknowledged = Api.call(port, officer, "POST",
                "/api/audit/alerts/" + alertId + "/acknowledgement", null);
        assertThat(acknowledged.statusCode()).isEqualTo(200);
        String officerId = accounts.idOf(officerName).orElseThrow();
        assertThat(json(acknowledged).get("acknowledgedBy").asText()).isEqualTo(officerId);
        assertThat(json(Api.call(port, officer, "GET", "/api/audit/alerts?status=open", null))
                .findValuesAsText("id")).doesNotContain(alertId);
        assertThat(json(Api.call(port, officer, "GET", "/api/audit/alerts", null)).findValuesAsText("id"))
                .contains(alertId);

        assertThat(jdbc.sql("select count(*) from audit_entry where category = 'SECURITY' and action = "
                + "'alert-raised' and detail like ?").param("alert=" + alertId + " %").query(Integer.class).single())
                .as("raising is audited").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_entry where category = 'SECURITY' and action = "
                + "'alert-acknowledged' and actor_id = ?").param(officerId).query(Integer.class).single())
                .as("acknowledging is audited").isEqualTo(1);
    }

    @Test
    void aPhysicianMayNeitherListNorAcknowledgeAlerts() {
        String alertId = breakGlassAlert();
        String patientId = alerts.find(alertId).orElseThrow().patientId();
        String physician = token(TestUsers.create(accounts, Role.PHYSICIAN, null));
        HttpResponse<String> list = Api.call(port, physician, "GET", "/api/audit/alerts", null);
        HttpResponse<String> acknowledge = Api.call(port, physician, "POST",
                "/api/audit/alerts/" + alertId + "/acknowledgement", null);
        for (HttpResponse<String> response : List.of(list, acknowledge)) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("application/problem+json");
            assertThat(response.body()).doesNotContain(patientId);
        }
        assertThat(list.body()).doesNotContain(alertId);
        assertThat(alerts.find(alertId).orElseThrow().acknowledgedAt()).isEmpty();
    }

    @Test
    void unknownAlertsAndBadStatusesAreClearErrors() {
        String officer = token(TestUsers.create(accounts, Role.PRIVACY_OFFICER, null));
        assertThat(Api.call(port, officer, "POST", "/api/audit/alerts/no-such-alert/acknowledgement", null)
                .statusCode()).isEqualTo(404);
        assertThat(Api.call(port, officer, "GET", "/api/audit/alerts?status=closed", null).statusCode())
                .isEqualTo(400);
    }

    /** A break-glass entry straight into the trail, and the alert the monitor raises for it. */
    private String breakGlassAlert() {
        String clinician = unique("acct");
        String patientId = unique("pat");
        recordAndSettle(List.of(new AuditRecord(Instant.now(), AuditCategory.SECURITY, "break-glass",
                AuditOutcome.SUCCESS, new AuditRecord.Actor(clinician, List.of("physician"), null), patientId,
                "Patient", List.of(patientId), PurposeOfUse.BREAK_GLASS, AuditRecord.Origin.NONE, "grant=test")));
        List<Alert> raised = alerts(AlertRule.BREAK_GLASS, clinician);
        assertThat(raised).singleElement().satisfies(alert -> assertThat(alert.patientId()).isEqualTo(patientId));
        return raised.get(0).id();
    }

    private String token(String username) {
        return SignIn.smartToken(port, username, "openid user/*.rs").get("access_token").asText();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return new ObjectMapper().readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
