package health.salus.patients.eligibility;

import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import health.salus.patients.eligibility.clearinghouse.Clearinghouse;
import health.salus.patients.eligibility.clearinghouse.ClearinghouseSimulator;
import health.salus.patients.eligibility.clearinghouse.HttpClearinghouse;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clearinghouse adapter (HTTP, pointed at the configured URL or at the loopback simulator) and the
 * durable job that runs eligibility checks, rescheduling itself by the check's backoff.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EligibilityProperties.class)
class EligibilityConfiguration {

    static final String TASK = "patients-eligibility-check";

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "salus.patients.eligibility.clearinghouse.mode", havingValue = "simulator",
            matchIfMissing = true)
    ClearinghouseSimulator clearinghouseSimulator() {
        return new ClearinghouseSimulator();
    }

    @Bean
    Clearinghouse clearinghouse(EligibilityProperties properties, ObjectProvider<ClearinghouseSimulator> simulator) {
        EligibilityProperties.Clearinghouse config = properties.clearinghouse();
        URI url = "simulator".equals(config.mode()) ? simulator.getObject().url() : URI.create(config.url());
        return new HttpClearinghouse(url, config.username(), config.password(), config.timeout());
    }

    /** Data: the check id. Each run is one attempt; the check row says how many came before. */
    @Bean
    CustomTask<String> eligibilityCheckTask(EligibilityCheckRun run) {
        return Tasks.custom(TASK, String.class).execute((instance, context) -> {
            Optional<Instant> again = run.attempt(instance.getData());
            return (complete, operations) -> again.ifPresentOrElse(at -> operations.reschedule(complete, at),
                    operations::remove);
        });
    }
}
