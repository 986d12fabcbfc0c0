package health.salus.audit.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.audit.AuditCategory;
import health.salus.audit.AuditOutcome;
import health.salus.audit.AuditRecord;
import health.salus.audit.PurposeOfUse;
import health.salus.security.Accounts;
import health.salus.security.Role;
import health.salus.support.Browser;
import health.salus.support.SignIn;
import health.salus.support.TestUsers;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class FailedSignInMonitorTest extends MonitorTest {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    @Test
    void fourFailedSignInsAreSilentTheFifthAlertsOnceAndTenStayOneAlert() {
        String username = TestUsers.create(accounts, Role.PATIENT, null);
        String accountId = accounts.idOf(username).orElseThrow();
        failSignIn(username, 4);
        assertThat(alerts(AlertRule.FAILED_SIGN_IN_BURST, accountId)).isEmpty();

        failSignIn(username, 1);
        assertThat(alerts(AlertRule.FAILED_SIGN_IN_BURST, accountId)).singleElement()
                .satisfies(alert -> assertThat(alert.severity()).isEqualTo("medium"));

        failSignIn(username, 5);
        assertThat(alerts(AlertRule.FAILED_SIGN_IN_BURST, accountId)).hasSize(1);
    }

    @Test
    void oneAddressFailingAcrossManyAccountsAlertsAtTwentyAndOnlyOnce() {
        String address = randomAddress();
        recordAndSettle(IntStream.range(0, 19).mapToObj(i -> failure(unique("acct"), address)).toList());
        assertThat(alertsForAddress(address)).isZero();

        recordAndSettle(List.of(failure(null, address)));
        assertThat(alertsForAddress(address)).isEqualTo(1);

        recordAndSettle(IntStream.range(0, 10).mapToObj(i -> failure(unique("acct"), address)).toList());
        assertThat(alertsForAddress(address)).isEqualTo(1);
    }

    @Test
    void successfulSignInsAndOldFailuresDoNotAlert() {
        String address = randomAddress();
        String accountId = unique("acct");
        Instant longAgo = Instant.now().minusSeconds(3 * 3600);
        // twenty failures spread over three hours: never twenty within ten minutes
        recordAndSettle(IntStream.range(0, 20).mapToObj(i -> new AuditRecord(longAgo.plusSeconds(i * 660L),
                AuditCategory.AUTHENTICATION, "sign-in", AuditOutcome.DENIED, new AuditRecord.Actor(accountId,
                        List.of(), null), null, null, List.of(), PurposeOfUse.OPERATIONS,
                new AuditRecord.Origin(address, "test", null), "reason=bad-credentials")).toList());
        assertThat(alerts(AlertRule.FAILED_SIGN_IN_BURST, accountId)).isEmpty();
        assertThat(alertsForAddress(address)).isZero();
    }

    /** A private address of this test's own, so other tests' failures do not count towards it. */
    private static String randomAddress() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private void failSignIn(String username, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(SignIn.password(new Browser(port), username, "not the password " + i)).endsWith("/login?error");
        }
        settle();
    }

    private static AuditRecord failure(String accountId, String address) {
        return new AuditRecord(Instant.now(), AuditCategory.AUTHENTICATION, "sign-in", AuditOutcome.DENIED,
                new AuditRecord.Actor(accountId, List.of(), null), null, null, List.of(), PurposeOfUse.OPERATIONS,
                new AuditRecord.Origin(address, "test", null), "reason=bad-credentials");
    }

    private int alertsForAddress(String address) {
        return jdbc.sql("select count(*) from audit_alert where rule = ? and detail like ?")
                .params(AlertRule.FAILED_SIGN_IN_SPRAY.code(), "client-ip=" + address + " %").query(Integer.class)
                .single();
    }
}
