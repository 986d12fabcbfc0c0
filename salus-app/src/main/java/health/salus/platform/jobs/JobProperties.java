package health.salus.platform.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code salus.jobs.*}: how many jobs a node runs at once and how often it looks for due ones. */
@ConfigurationProperties("salus.jobs")
record JobProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("4") int threads,
        @DefaultValue("5s") Duration pollingInterval) {
}
