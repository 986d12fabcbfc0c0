package health.salus.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import health.salus.fhir.ResourceStore;
import health.salus.security.PasswordResetFixture.PortalPatient;
import health.salus.security.identity.AccountRepository;
import health.salus.security.identity.PasswordResetRepository;
import health.salus.security.identity.SignInAttempts;
import health.salus.support.Browser;
import health.salus.support.SalusIntegrationTest;
import health.salus.support.SignIn;
import health.salus.support.TestUsers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Forgot your password?": the same answer whether or not an account matched, a single-use 30-minute
 * link by email to a patient's address on file, the password policy on the new password, other
 * sessions signed out, and a friendly 400/410 page for a link that never was or is spent.
 */
@SalusIntegrationTest
class PasswordResetTest {

    private static final String NEW_PASSWORD = "meadow copper lantern 2026 quill";
    private static final Duration WAIT_FOR_STRAY_EMAIL = Duration.ofSeconds(3);

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    ResourceStore store;
    @Autowired
    SystemAccess systemAccess;
    @Autowired
    GreenMail smtp;
    @Autowired
    PasswordResetRepository resets;
    @Autowired
    AccountRepository accountRows;
    @Autowired
    SignInAttempts signInAttempts;
    @Autowired
    JdbcTemplate jdbc;

    private PasswordResetFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new PasswordResetFixture(accounts, store, systemAccess, smtp);
    }

    @Test
    void aLinkEmailedToThePatientSetsTheNewPasswordOnceAndSignsOutTheirSessions() {
        PortalPatient patient = fixture.patientWithAccount();
        Browser oldSession = SignIn.browser(port, patient.username());
        assertThat(oldSession.get("/portal/appointments").statusCode()).isEqualTo(200);

        assertThat(Browser.location(ask(patient.email()))).endsWith("/password-reset/sent");
        String token = fixture.awaitLinkTo(patient.email());

        Browser browser = new Browser(port);
        HttpResponse<String> form = browser.get("/password-reset/new?token=" + token);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains(patient.username());
        HttpResponse<String> mismatch = browser.submit("/password-reset", "/password-reset/new",
                Map.of("token", token, "password", NEW_PASSWORD, "confirmation", NEW_PASSWORD + "x"));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(mismatch.body()).contains("The two passwords are not the same").contains("aria-invalid=\"true\"");
        HttpResponse<String> weak = choose(browser, token, "password1234");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("too common");

        assertThat(Browser.location(choose(browser, token, NEW_PASSWORD))).endsWith("/login?passwordReset");

        assertThat(oldSession.get("/portal/appointments").statusCode()).isEqualTo(302);
        assertThat(SignIn.password(new Browser(port), patient.username(), SignIn.PASSWORD)).contains("/login?error");
        assertThat(SignIn.password(new Browser(port), patient.username(), NEW_PASSWORD)).doesNotContain("/login");

        Browser again = new Browser(port);
        HttpResponse<String> reused = again.get("/password-reset/new?token=" + token);
        assertThat(reused.statusCode()).isEqualTo(410);
        assertThat(reused.body()).contains("This link no longer works");
        assertThat(choose(again, token, "another fine passphrase 77").statusCode()).isEqualTo(410);
        assertThat(SignIn.password(new Browser(port), patient.username(), NEW_PASSWORD)).doesNotContain("/login");
        assertThat(auditActions(patient.accountId())).contains("password-reset-requested", "password-reset");
    }

    @Test
    void anUnknownUsernameOrEmailGetsTheSameAnswerAndNothingIsSent() throws Exception {
        PortalPatient patient = fixture.patientWithAccount();
        String unknownEmail = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@mail.test";
        String staff = TestUsers.create(accounts, Role.FRONT_DESK, null);
        int linksBefore = links();

        HttpResponse<String> known = ask(patient.username());
        HttpResponse<String> unknownName = ask("no-such-user-" + UUID.randomUUID());
        HttpResponse<String> unknownAddress = ask(unknownEmail);
        HttpResponse<String> staffName = ask(staff);

        for (HttpResponse<String> answer : java.util.List.of(known, unknownName, unknownAddress, staffName)) {
            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(Browser.location(answer)).isEqualTo(Browser.location(known));
        }
        fixture.awaitLinkTo(patient.email());
        assertThat(links()).isEqualTo(linksBefore + 1);
        Thread.sleep(WAIT_FOR_STRAY_EMAIL.toMillis());
        assertThat(fixture.emailsTo(unknownEmail)).isEmpty();
        assertThat(new Browser(port).get("/password-reset/sent").body()).contains("If an account matches");
    }

    @Test
    void anExpiredLinkIsGoneAndAMadeUpOneIsABadRequestNeverAnError() {
        PortalPatient patient = fixture.patientWithAccount();
        ask(patient.username());
        String token = fixture.awaitLinkTo(patient.email());
        resets.expire(patient.accountId(), Instant.now().minusSeconds(1));

        Browser browser = new Browser(port);
        HttpResponse<String> expired = browser.get("/password-reset/new?token=" + token);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("This link no longer works").contains("Ask for a new link");
        assertThat(choose(browser, token, NEW_PASSWORD).statusCode()).isEqualTo(410);
        assertThat(SignIn.password(new Browser(port), patient.username(), NEW_PASSWORD)).contains("/login?error");

        for (String wrong : new String[] {"not-a-token", "", token.substring(1), "x".repeat(500)}) {
            HttpResponse<String> page = browser.get("/password-reset/new?token=" + wrong);
            assertThat(page.statusCode()).as(wrong).isEqualTo(400);
            assertThat(page.body()).contains("This link no longer works");
            assertThat(choose(browser, wrong, NEW_PASSWORD).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void atMostThreeLinksAnHourGoToOneAccountAndTheFourthAskGetsTheSameAnswer() {
        PortalPatient patient = fixture.patientWithAccount();
        for (int i = 0; i < 4; i++) {
            assertThat(Browser.location(ask(i % 2 == 0 ? patient.username() : patient.email())))
                    .endsWith("/password-reset/sent");
        }
        assertThat(jdbc.queryForObject("select count(*) from security_password_reset where account_id = ?",
                Integer.class, patient.accountId())).isEqualTo(PasswordResets.LINKS_PER_HOUR);
    }

    @Test
    void aResetKeepsALockoutButClearsTheFailedAttemptsAndStoresOnlyTheTokensHash() {
        PortalPatient patient = fixture.patientWithAccount();
        ask(patient.username());
        String token = fixture.awaitLinkTo(patient.email());
        assertThat(jdbc.queryForList("select token_hash from security_password_reset where account_id = ?",
                String.class, patient.accountId())).singleElement().isNotEqualTo(token)
                .satisfies(hash -> assertThat(hash).matches("[0-9a-f]{64}"));
        for (int i = 0; i < SignInAttempts.LOCK_AFTER; i++) {
            signInAttempts.failed(accountRows.findById(patient.accountId()).orElseThrow());
        }
        signInAttempts.failed(accountRows.findById(patient.accountId()).orElseThrow());

        assertThat(Browser.location(choose(new Browser(port), token, NEW_PASSWORD))).endsWith("/login?passwordReset");

        var account = accountRows.findById(patient.accountId()).orElseThrow();
        assertThat(account.isLocked(Instant.now())).isTrue();
        assertThat(account.failedAttempts()).isZero();
        assertThat(SignIn.password(new Browser(port), patient.username(), NEW_PASSWORD)).contains("/login?error");
    }

    private HttpResponse<String> ask(String identifier) {
        return new Browser(port).submit("/password-reset", "/password-reset", Map.of("identifier", identifier));
    }

    private HttpResponse<String> choose(Browser browser, String token, String password) {
        // the CSRF token of the session comes from the request form: a dead link's page has no form
        return browser.submit("/password-reset", "/password-reset/new", Map.of("token", token,
                "password", password, "confirmation", password));
    }

    private int links() {
        return jdbc.queryForObject("select count(*) from security_password_reset", Integer.class);
    }

    private java.util.List<String> auditActions(String accountId) {
        return jdbc.queryForList("select action from audit_entry where actor_id = ? or detail = ?", String.class,
                accountId, "account=" + accountId);
    }
}
