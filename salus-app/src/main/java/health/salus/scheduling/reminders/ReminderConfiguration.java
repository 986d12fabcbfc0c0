package health.salus.scheduling.reminders;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reminder job (data: its own id, see {@link ReminderJob}). A failed run is retried a few times
 * five minutes apart, then dropped: a reminder after its time is worth nothing. The sender is looked up
 * when the job runs, since it needs the scheduler the jobs are built into.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReminderProperties.class)
class ReminderConfiguration {

    @Bean
    Task<String> appointmentReminderTask(ObjectProvider<ReminderSender> sender) {
        return Tasks.oneTime(ReminderJob.TASK)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(3,
                        new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(5))))
                .execute((instance, context) -> sender.getObject().fire(instance.getData()));
    }
}
