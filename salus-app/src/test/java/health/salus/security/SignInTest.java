package health.salus.security;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.support.Browser;
import health.salus.support.SalusIntegrationTest;
import health.salus.support.SignIn;
import health.salus.support.TestUsers;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Password and second-factor sign-in, lockout, and the idle and absolute session limits. */
@SalusIntegrationTest
class SignInTest {

    /** Signing in lands on "/", which forwards each user to their role's home page. */
    private static final String SIGNED_IN_HOME = "(http://[^/]+)?/";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    /** Staff get the test authenticator key unless {@code totp} is false (to exercise enrolment). */
    private String user(Role role, boolean totp) {
        if (totp || !role.isStaff()) {
            return TestUsers.create(accounts, role, null);
        }
        String username = role.code() + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, "Test " + role.code(), SignIn.PASSWORD, Set.of(role), Optional.empty(),
                Optional.empty());
        return username;
    }

    @Test
    void staffMustGiveASecondFactorBeforeAnythingOpens() {
        String nurse = user(Role.NURSE, true);
        Browser browser = new Browser(port);
        assertThat(SignIn.password(browser, nurse, SignIn.PASSWORD)).endsWith("/login/mfa");
        // the password alone signs nobody in
        assertThat(Browser.location(browser.get("/account"))).endsWith("/login");
        String next = Browser.location(browser.submit("/login/mfa", "/login/mfa",
                Map.of("code", SignIn.totpCode(SignIn.TOTP_SECRET))));
        assertThat(next).doesNotContain("/login");
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongSecondFactorCodeDoesNotSignIn() {
        String nurse = user(Role.NURSE, true);
        Browser browser = new Browser(port);
        SignIn.password(browser, nurse, SignIn.PASSWORD);
        var response = browser.submit("/login/mfa", "/login/mfa", Map.of("code", "000000"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("That code did not work");
        assertThat(Browser.location(browser.get("/account"))).endsWith("/login");
    }

    @Test
    void staffWithoutAnAuthenticatorMustEnrolOne() {
        String biller = user(Role.BILLER, false);
        Browser browser = new Browser(port);
        assertThat(SignIn.password(browser, biller, SignIn.PASSWORD)).endsWith("/login/mfa/enrol");
        var page = browser.get("/login/mfa/enrol");
        assertThat(page.body()).contains("<svg").contains("Set up two-step sign-in");
        assertThat(Browser.location(browser.get("/account"))).endsWith("/login");
    }

    @Test
    void aPatientWithoutASecondFactorIsSignedInByPassword() {
        String patient = user(Role.PATIENT, false);
        Browser browser = new Browser(port);
        assertThat(SignIn.password(browser, patient, SignIn.PASSWORD)).matches(SIGNED_IN_HOME);
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountUntilUnlocked() {
        String patient = user(Role.PATIENT, false);
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(SignIn.password(new Browser(port), patient, "wrong password " + attempt)).endsWith("/login?error");
        }
        // now even the right password fails
        assertThat(SignIn.password(new Browser(port), patient, SignIn.PASSWORD)).endsWith("/login?error");
        accounts.unlock(accounts.idOf(patient).orElseThrow());
        assertThat(SignIn.password(new Browser(port), patient, SignIn.PASSWORD)).matches(SIGNED_IN_HOME);
    }

    @Test
    void fourWrongPasswordsDoNotLock() {
        String patient = user(Role.PATIENT, false);
        for (int attempt = 0; attempt < 4; attempt++) {
            assertThat(SignIn.password(new Browser(port), patient, "wrong password " + attempt)).endsWith("/login?error");
        }
        assertThat(SignIn.password(new Browser(port), patient, SignIn.PASSWORD)).matches(SIGNED_IN_HOME);
    }

    @Test
    void aSessionIdleForThirtyMinutesIsOver() {
        Browser browser = SignIn.browser(port, user(Role.PATIENT, false));
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);
        String principal = jdbc.sql("select principal_name from spring_session where max_inactive_interval = 1800 "
                + "and principal_name like 'patient-%' order by last_access_time desc limit 1").query(String.class)
                .single();
        assertThat(principal).isNotBlank();
        // 31 minutes of quiet: what the database would hold had the user walked away
        jdbc.sql("update spring_session set last_access_time = last_access_time - 1860000, "
                + "expiry_time = expiry_time - 1860000 where principal_name = ?").param(principal).update();
        assertThat(Browser.location(browser.get("/account"))).endsWith("/login");
    }

    @Test
    void aBusySessionStillEndsAtTheAbsoluteLimit() {
        String username = user(Role.PATIENT, false);
        Browser browser = SignIn.browser(port, username);
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);
        jdbc.sql("update spring_session set creation_time = creation_time - 13 * 3600000 where principal_name = ?")
                .param(username).update();
        assertThat(Browser.location(browser.get("/account"))).endsWith("/login?expired");
    }

    @Test
    void aUserCanSignOutTheirOtherSessions() {
        String username = user(Role.PATIENT, false);
        Browser first = SignIn.browser(port, username);
        Browser second = SignIn.browser(port, username);
        var page = second.get("/account");
        String handle = page.body().replaceAll("(?s).*/account/sessions/([0-9a-f]+)/sign-out.*", "$1");
        assertThat(handle).hasSize(16);
        second.submit("/account", "/account/sessions/" + handle + "/sign-out", Map.of());
        assertThat(Browser.location(first.get("/account"))).endsWith("/login");
        assertThat(second.get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void signInPagesCarrySecurityHeadersAndSecureCookies() {
        Browser browser = new Browser(port);
        var page = browser.get("/login");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .contains("SALUS_SESSION").contains("Secure").contains("HttpOnly").contains("SameSite=Lax"));
        // a form post without the CSRF token is refused
        assertThat(browser.post("/login", Map.of("username", "x", "password", "y")).statusCode()).isEqualTo(403);
    }
}
