package health.salus.messaging.delivery;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delivery job. Its handler is looked up when it runs rather than injected, because the handler
 * schedules retries through the scheduler, and the scheduler is built from the jobs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessagingProperties.class)
class DeliveryConfiguration {

    @Bean
    Task<String> messagingDeliveryTask(ObjectProvider<DeliveryAttempts> attempts) {
        return Tasks.oneTime(DeliveryAttempts.TASK)
                .execute((instance, context) -> attempts.getObject().attempt(instance.getData()));
    }
}
