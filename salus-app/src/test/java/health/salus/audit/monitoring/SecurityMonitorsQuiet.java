package health.salus.audit.monitoring;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For tests that need the trail to stand still (tampering with it, say): waits until the security
 * monitors have evaluated every chained entry, so no alert they raise (itself an audit entry) is
 * written while the test works.
 */
public final class SecurityMonitorsQuiet {

    private SecurityMonitorsQuiet() {
    }

    public static void awaitIdle(ApplicationContext context) {
        SecurityMonitors monitors = context.getBeanProvider(SecurityMonitors.class).getIfAvailable();
        if (monitors == null) {
            return;
        }
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> monitors.evaluatedThrough() >= jdbc
                .sql("select coalesce(max(sequence), 0) from audit_entry").query(Long.class).single());
    }
}
