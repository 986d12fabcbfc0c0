package health.salus.platform.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Durable jobs on the application database (db-scheduler): every module declares its jobs as
 * {@link Task} beans and schedules instances through {@link SchedulerClient}. A due instance is picked
 * by exactly one node, survives restarts, and is retried by the task's own failure handler.
 *
 * <p>The scheduler talks to the database through a transaction-aware proxy, so an instance scheduled
 * inside a business transaction is stored with that change or not at all (no job for a registration
 * that rolled back, no lost job for one that committed). Task data holds ids only.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobProperties.class)
class JobScheduling {

    @Bean(destroyMethod = "")
    Scheduler jobScheduler(DataSource dataSource, ObjectProvider<Task<?>> tasks, JobProperties properties) {
        List<Task<?>> known = tasks.orderedStream().toList();
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<OnStartup> recurring = (List) known.stream().filter(OnStartup.class::isInstance).toList();
        // startTasks(…) registers its tasks as known too: passing them twice fails with a duplicate key
        List<Task<?>> others = known.stream().filter(task -> !(task instanceof OnStartup)).toList();
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), others)
                .startTasks((List) recurring)
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(Duration.ofSeconds(30))
                .deleteUnresolvedAfter(Duration.ofDays(14))
                .alwaysPersistTimestampInUTC()
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
    }

    /** Starts polling once the application is up and stops before the data source closes. */
    @Bean
    @ConditionalOnProperty(name = "salus.jobs.enabled", havingValue = "true", matchIfMissing = true)
    SmartLifecycle jobSchedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
