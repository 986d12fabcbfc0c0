package health.salus.platform.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
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

    /**
     * Schedules, reschedules and cancels job instances. It does not run them, so it stays usable while this
     * node's runner is stopped (salus.jobs.enabled=false, or a paused test context).
     */
    @Bean
    SchedulerClient jobClient(DataSource dataSource, ObjectProvider<Task<?>> tasks) {
        DataSource transactional = new TransactionAwareDataSourceProxy(dataSource);
        // tasks schedule through this client, so it learns them on first use rather than at creation (a cycle);
        // it needs them to read back the data of scheduled instances
        AtomicReference<SchedulerClient> client = new AtomicReference<>();
        InvocationHandler lazy = (proxy, method, args) -> {
            switch (method.getName()) {
                case "equals": return args != null && args.length == 1 && proxy == args[0];
                case "hashCode": return System.identityHashCode(proxy);
                case "toString": return "db-scheduler client";
                default: break;
            }
            SchedulerClient real = client.updateAndGet(existing -> existing != null ? existing
                    : SchedulerClient.Builder.create(transactional, tasks.orderedStream().toList())
                            .jdbcCustomization(new AutodetectJdbcCustomization(transactional, true))
                            .build());
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (SchedulerClient) Proxy.newProxyInstance(SchedulerClient.class.getClassLoader(),
                new Class<?>[] {SchedulerClient.class}, lazy);
    }

    /**
     * Runs due jobs on this node. A db-scheduler {@code Scheduler} cannot start again once stopped, so every
     * start builds a new one: Spring may stop and restart the lifecycle (Spring's test framework pauses
     * cached contexts that are not in use).
     */
    @Bean
    @ConditionalOnProperty(name = "salus.jobs.enabled", havingValue = "true", matchIfMissing = true)
    SmartLifecycle jobRunner(DataSource dataSource, ObjectProvider<Task<?>> tasks, JobProperties properties) {
        return new SmartLifecycle() {
            private volatile Scheduler running;

            @Override
            public synchronized void start() {
                if (running == null) {
                    running = scheduler(dataSource, tasks.orderedStream().toList(), properties);
                    running.start();
                }
            }

            @Override
            public synchronized void stop() {
                if (running != null) {
                    running.stop();
                    running = null;
                }
            }

            @Override
            public boolean isRunning() {
                return running != null;
            }
        };
    }

    private static Scheduler scheduler(DataSource dataSource, List<Task<?>> known, JobProperties properties) {
        // startTasks registers these too: listing them in create() as well is a duplicate the scheduler
        // refuses (custom tasks are OnStartup even when they schedule nothing on start-up)
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<OnStartup> recurring = (List) known.stream().filter(OnStartup.class::isInstance).toList();
        List<Task<?>> plain = known.stream().filter(task -> !(task instanceof OnStartup)).toList();
        @SuppressWarnings({"unchecked", "rawtypes"})
        Scheduler scheduler = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), plain)
                .startTasks((List) recurring)
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(Duration.ofSeconds(30))
                .deleteUnresolvedAfter(Duration.ofDays(14))
                .alwaysPersistTimestampInUTC()
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
        return scheduler;
    }
}
