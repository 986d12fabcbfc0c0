package health.salus.scheduling.noshow;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import health.salus.security.SystemAccess;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;

/**
 * Assesses every booked appointment of the coming days, daily by default
 * ({@code salus.scheduling.no-show.assess-cron}): so risks exist without a booking hook, and a risk
 * made at booking is refreshed with the no-shows that happened since. Each appointment is assessed in
 * its own transaction; one that fails is logged (by id) and the rest go on.
 */
@Service
public class UpcomingAppointmentsAssessment {

    static final String TASK_NAME = "scheduling-no-show-assessment";
    private static final Logger log = LoggerFactory.getLogger(UpcomingAppointmentsAssessment.class);

    private final SystemAccess systemAccess;
    private final AppointmentHistory history;
    private final NoShowRiskAssessment assessment;
    private final NoShowProperties properties;
    private final Clock clock;

    UpcomingAppointmentsAssessment(SystemAccess systemAccess, AppointmentHistory history,
            NoShowRiskAssessment assessment, NoShowProperties properties, Clock clock) {
        this.systemAccess = systemAccess;
        this.history = history;
        this.assessment = assessment;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return how many appointments got a prediction */
    public int assessUpcoming() {
        Instant now = clock.instant();
        List<AppointmentRecord> upcoming = systemAccess.call("no-show risk assessment",
                () -> history.bookedBetween(now, now.plus(properties.assessHorizon())));
        int assessed = 0;
        for (AppointmentRecord appointment : upcoming) {
            try {
                assessed += assessment.assess(appointment.appointmentId()).isPresent() ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("No-show assessment failed: appointment={} error={}", appointment.appointmentId(),
                        e.getClass().getSimpleName());
            }
        }
        log.info("No-show assessment of upcoming appointments: booked={} assessed={}", upcoming.size(), assessed);
        return assessed;
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        RecurringTask<Void> noShowAssessmentTask(NoShowProperties properties, UpcomingAppointmentsAssessment sweep) {
            return Tasks.recurring(TASK_NAME, Schedules.cron(properties.assessCron(), properties.clinicZone()))
                    .execute((instance, context) -> sweep.assessUpcoming());
        }
    }
}
