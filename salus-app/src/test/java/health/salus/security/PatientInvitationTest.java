package health.salus.security;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.security.identity.InvitationRepository;
import health.salus.support.Browser;
import health.salus.support.SalusIntegrationTest;
import health.salus.support.SignIn;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A patient-portal invitation sets the first password once; used, expired and unknown links do nothing. */
@SalusIntegrationTest
class PatientInvitationTest {

    private static final String NEW_PASSWORD = "lantern orchard velvet 2026 pebble";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    SystemAccess systemAccess;
    @Autowired
    InvitationRepository invitations;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anInvitationSetsThePasswordOnceAndTheSecondUseIsRefused() {
        PatientInvitation invitation = invite();
        assertThat(invitation.username()).matches("p-[a-z0-9]{8}");
        assertThat(signIn(invitation.username(), NEW_PASSWORD)).contains("/login?error");

        Browser browser = new Browser(port);
        HttpResponse<String> form = browser.get("/invitation?token=" + invitation.token());
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains(invitation.username());
        HttpResponse<String> accepted = accept(browser, invitation.token(), NEW_PASSWORD);
        assertThat(Browser.location(accepted)).endsWith("/login?invitationAccepted");
        assertThat(signIn(invitation.username(), NEW_PASSWORD)).doesNotContain("/login");

        Browser again = new Browser(port);
        assertThat(again.get("/invitation?token=" + invitation.token()).body()).contains("no longer works");
        HttpResponse<String> reused = accept(again, invitation.token(), "another fine passphrase 77");
        assertThat(reused.body()).contains("no longer works");
        assertThat(signIn(invitation.username(), NEW_PASSWORD)).doesNotContain("/login");
    }

    @Test
    void anExpiredInvitationIsRefusedAndTheAccountStaysClosed() {
        PatientInvitation invitation = invite();
        invitations.expire(invitation.accountId(), Instant.now().minusSeconds(1));
        Browser browser = new Browser(port);
        assertThat(browser.get("/invitation?token=" + invitation.token()).body()).contains("no longer works");
        assertThat(accept(browser, invitation.token(), NEW_PASSWORD).body()).contains("no longer works");
        assertThat(signIn(invitation.username(), NEW_PASSWORD)).contains("/login?error");
    }

    @Test
    void aWeakPasswordIsRefusedAndTheLinkStillWorks() {
        PatientInvitation invitation = invite();
        Browser browser = new Browser(port);
        HttpResponse<String> weak = accept(browser, invitation.token(), "password1234");
        assertThat(weak.statusCode()).isEqualTo(200);
        assertThat(weak.body()).contains("Please choose another password");
        assertThat(Browser.location(accept(browser, invitation.token(), NEW_PASSWORD)))
                .endsWith("/login?invitationAccepted");
    }

    @Test
    void onlyTheHashOfTheTokenIsStoredAndAPatientIsInvitedOnce() {
        String patient = UUID.randomUUID().toString();
        PatientInvitation invitation = systemAccess.call("test", () -> accounts.invitePatient(patient)).orElseThrow();
        assertThat(jdbc.queryForList("select token_hash from security_account_invitation where account_id = ?",
                String.class, invitation.accountId())).singleElement().isNotEqualTo(invitation.token())
                .satisfies(hash -> assertThat(hash).matches("[0-9a-f]{64}"));
        assertThat(systemAccess.call("test", () -> accounts.invitePatient(patient))).isEmpty();
        assertThat(accounts.fhirUserOf(invitation.accountId())).contains("Patient/" + patient);
        assertThat(invitation.toString()).doesNotContain(invitation.token());
    }

    private PatientInvitation invite() {
        return systemAccess.call("test", () -> accounts.invitePatient(UUID.randomUUID().toString())).orElseThrow();
    }

    private HttpResponse<String> accept(Browser browser, String token, String password) {
        // the CSRF token of the session comes from the sign-in form: a dead link's page has no form
        return browser.submit("/login", "/invitation", Map.of("token", token,
                "password", password, "confirmation", password));
    }

    private String signIn(String username, String password) {
        return SignIn.password(new Browser(port), username, password);
    }
}
