package health.salus.audit.recording.security;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.security.Accounts;
import health.salus.security.Role;
import health.salus.support.Browser;
import health.salus.support.SalusIntegrationTest;
import health.salus.support.SignIn;
import health.salus.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Security events land in the audit trail with the right category, action and outcome, and no usernames. */
@SalusIntegrationTest
class SecurityEventRecordingTest {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    record Row(String category, String action, String outcome, String detail) {
    }

    @Test
    void aStaffSignInWithSecondFactorAndSignOutAreRecorded() {
        String username = TestUsers.create(accounts, Role.NURSE, null);
        String accountId = accounts.idOf(username).orElseThrow();
        Browser browser = SignIn.browser(port, username);
        browser.submit("/account", "/logout", Map.of());

        assertThat(rows(accountId)).contains(
                new Row("AUTHENTICATION", "sign-in", "SUCCESS", "factors=password,otp"),
                new Row("AUTHENTICATION", "sign-out", "SUCCESS", null));
        assertThat(jdbc.sql("select client_ip from audit_entry where actor_id = ? and action = 'sign-in'")
                .param(accountId).query(String.class).single()).isEqualTo("127.0.0.1");
    }

    @Test
    void aWrongSecondFactorAndAWrongPasswordAreRecordedAsDenied() {
        String username = TestUsers.create(accounts, Role.NURSE, null);
        String accountId = accounts.idOf(username).orElseThrow();
        Browser browser = new Browser(port);
        SignIn.password(browser, username, SignIn.PASSWORD);
        browser.submit("/login/mfa", "/login/mfa", Map.of("code", "000000"));
        SignIn.password(new Browser(port), username, "not the password");

        assertThat(rows(accountId)).contains(new Row("AUTHENTICATION", "second-factor", "DENIED", null),
                new Row("AUTHENTICATION", "sign-in", "DENIED", "reason=bad-credentials"));
    }

    @Test
    void aSignInWithAnUnknownUsernameIsRecordedWithoutAnAccountAndWithoutTheName() {
        String typed = "Nobody-" + UUID.randomUUID();
        SignIn.password(new Browser(port), typed, "whatever it was");
        String hash = sha256(typed.toLowerCase(java.util.Locale.ROOT));

        List<Row> rows = jdbc.sql("select category, action, outcome, detail from audit_entry where actor_id is null "
                + "and detail like ?").param("%" + hash + "%").query(Row.class).list();
        assertThat(rows).containsExactly(new Row("AUTHENTICATION", "sign-in", "DENIED",
                "reason=bad-credentials username-sha256=" + hash));
        assertThat(jdbc.sql("select count(*) from audit_entry where lower(coalesce(detail, '')) like ? "
                + "or lower(coalesce(user_agent, '')) like ?").params("%" + typed.toLowerCase() + "%",
                        "%" + typed.toLowerCase() + "%").query(Integer.class).single()).isZero();
    }

    @Test
    void fiveFailuresLockTheAccountAndAnUnlockAndRoleChangesAreAdministrationEntries() {
        String username = TestUsers.create(accounts, Role.PATIENT, null);
        String accountId = accounts.idOf(username).orElseThrow();
        for (int i = 0; i < 5; i++) {
            SignIn.password(new Browser(port), username, "wrong " + i);
        }
        accounts.unlock(accountId);
        accounts.grantRole(accountId, Role.PROXY);
        accounts.revokeRole(accountId, Role.PROXY);
        accounts.disable(accountId);

        assertThat(rows(accountId)).contains(new Row("AUTHENTICATION", "account-locked", "SUCCESS", null));
        List<Row> administration = jdbc.sql("select category, action, outcome, detail from audit_entry "
                + "where category = 'ADMINISTRATION' and detail like ? order by sequence")
                .param("account=" + accountId + "%").query(Row.class).list();
        assertThat(administration).extracting(Row::action).containsExactly("account-created", "account-unlocked",
                "role-granted", "role-revoked", "account-disabled");
    }

    @Test
    void theAccessPolicyLoadedAtStartUpIsRecordedOnceAsAChange() {
        assertThat(jdbc.sql("select count(*) from audit_entry where category = 'ADMINISTRATION' and action = "
                + "'access-policy-changed' and detail like 'sha256=% previous=none'").query(Integer.class).single())
                .isEqualTo(1);
    }

    private List<Row> rows(String accountId) {
        return jdbc.sql("select category, action, outcome, case when action = 'account-locked' then null else detail "
                + "end as detail from audit_entry where actor_id = ? order by sequence").param(accountId)
                .query(Row.class).list();
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
