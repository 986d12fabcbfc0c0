package health.salus.scheduling.waitlist;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import health.salus.scheduling.AppointmentCancelled;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The hold-expiry job (data: the hold's reservation id) and the listener that back-fills cancellations. */
@Configuration(proxyBeanMethods = false)
class WaitlistJobs {

    @Bean
    OneTimeTask<String> holdExpiryTask(ObjectProvider<Waitlist> waitlist) {
        return Tasks.oneTime(Waitlist.EXPIRY_TASK, String.class)
                .execute((instance, context) -> waitlist.getObject().expire(instance.getData()));
    }

    @Component
    static class Backfill {

        private final Waitlist waitlist;

        Backfill(Waitlist waitlist) {
            this.waitlist = waitlist;
        }

        @ApplicationModuleListener
        void on(AppointmentCancelled cancelled) {
            waitlist.offer(cancelled.practitionerId(), cancelled.locationId(), cancelled.start(), cancelled.end());
        }
    }
}
