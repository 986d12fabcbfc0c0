package health.salus.messaging;

import static health.salus.messaging.MessagingClinic.patient;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.salus.messaging.delivery.NotificationRows;
import health.salus.security.Accounts;
import health.salus.security.Role;
import health.salus.support.Api;
import health.salus.support.FhirApiTest;
import health.salus.support.SignIn;
import health.salus.support.TestUsers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Delivery status for the front desk, administrators and the patient themselves, refused to other
 * patients and clinicians; the patient's own in-app list; the demo outbox for administrators only.
 */
class NotificationAccessTest extends FhirApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Notifications notifications;
    @Autowired
    NotificationRows rows;

    private String patientId;
    private String notificationId;
    private String address;

    @BeforeEach
    void aWelcomeWasSent() {
        address = unique() + "@mail.test";
        patientId = create(patient("Ines", "Valverde" + unique(), address, null, "es")).getIdPart();
        notificationId = notifications.send(NotificationRequest.of(patientId, "welcome",
                Map.of("portalLink", "https://portal.test/w"), "welcome:" + patientId));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> rows.deliveriesOf(notificationId).get(0)
                .status() == DeliveryStatus.SENT);
    }

    @Test
    void theFrontDeskAnAdministratorAndThePatientSeeTheDeliveryStatus() throws Exception {
        for (String token : new String[] {staff(Role.FRONT_DESK), staff(Role.ADMINISTRATOR), patientToken(patientId)}) {
            HttpResponse<String> response = get(token, "/api/notifications/" + notificationId);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode status = JSON.readTree(response.body());
            assertThat(status.get("templateKey").asText()).isEqualTo("welcome");
            assertThat(status.at("/deliveries/0/channel").asText()).isEqualTo("EMAIL");
            assertThat(status.at("/deliveries/0/status").asText()).isEqualTo("SENT");
            assertThat(response.body()).doesNotContain(address).doesNotContain("Valverde");
        }
    }

    @Test
    void anotherPatientAndAPhysicianAreRefusedTheDeliveryStatus() {
        String otherPatient = create(patient("Otto", "Brandt" + unique(), null, null, null)).getIdPart();
        assertThat(get(patientToken(otherPatient), "/api/notifications/" + notificationId).statusCode()).isEqualTo(403);
        assertThat(get(staff(Role.PHYSICIAN), "/api/notifications/" + notificationId).statusCode()).isEqualTo(403);
        assertThat(get(staff(Role.FRONT_DESK), "/api/notifications/no-such-id").statusCode()).isEqualTo(404);
        assertThat(get(null, "/api/notifications/" + notificationId).statusCode()).isEqualTo(401);
    }

    @Test
    void thePatientListsTheirOwnNotificationsAndMarksOneRead() throws Exception {
        String token = patientToken(patientId);
        JsonNode mine = JSON.readTree(get(token, "/api/notifications/me").body());
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("id").asText()).isEqualTo(notificationId);
        assertThat(mine.get(0).get("text").asText()).startsWith("Hola Ines");
        assertThat(mine.get(0).get("read").asBoolean()).isFalse();

        assertThat(Api.call(port, token, "POST", "/api/notifications/" + notificationId + "/read", null).statusCode())
                .isEqualTo(200);
        assertThat(JSON.readTree(get(token, "/api/notifications/me").body()).get(0).get("read").asBoolean()).isTrue();
    }

    @Test
    void othersHaveNoInAppListOfThisPatientAndCannotMarkTheirsRead() throws Exception {
        String otherPatient = create(patient("Otto", "Brandt" + unique(), null, null, null)).getIdPart();
        String otherToken = patientToken(otherPatient);
        assertThat(JSON.readTree(get(otherToken, "/api/notifications/me").body())).isEmpty();
        assertThat(Api.call(port, otherToken, "POST", "/api/notifications/" + notificationId + "/read", null)
                .statusCode()).isEqualTo(403);
        assertThat(get(staff(Role.FRONT_DESK), "/api/notifications/me").statusCode()).isEqualTo(403);
    }

    @Test
    void anAdministratorSeesTheDemoOutboxAndTheFrontDeskDoesNot() throws Exception {
        HttpResponse<String> outbox = get(staff(Role.ADMINISTRATOR), "/api/messaging/demo-outbox");
        assertThat(outbox.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(outbox.body())).anySatisfy(item -> {
            assertThat(item.get("channel").asText()).isEqualTo("email");
            assertThat(item.get("to").asText()).isEqualTo(address);
        });
        assertThat(get(staff(Role.FRONT_DESK), "/api/messaging/demo-outbox").statusCode()).isEqualTo(403);
        assertThat(get(patientToken(patientId), "/api/messaging/demo-outbox").statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> get(String token, String path) {
        return Api.call(port, token == null ? "none" : token, "GET", path, null);
    }

    private String staff(Role role) {
        return token(TestUsers.create(accounts, role, null));
    }

    private String patientToken(String patient) {
        return token(TestUsers.create(accounts, Role.PATIENT, "Patient/" + patient));
    }

    private String token(String username) {
        return SignIn.smartToken(port, username, "openid fhirUser user/*.cruds").get("access_token").asText();
    }
}
