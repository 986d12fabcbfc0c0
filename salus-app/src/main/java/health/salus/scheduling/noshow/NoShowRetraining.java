package health.salus.scheduling.noshow;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import health.salus.security.SystemAccess;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;

/**
 * Retrains the no-show model from the clinic's own appointment history, weekly by default
 * ({@code salus.scheduling.no-show.retrain-cron}), as a db-scheduler recurring task so one node does it.
 * A history too thin to learn from leaves the current model in place.
 */
@Service
public class NoShowRetraining {

    static final String TASK_NAME = "scheduling-no-show-retraining";
    private static final Logger log = LoggerFactory.getLogger(NoShowRetraining.class);

    private final SystemAccess systemAccess;
    private final AppointmentHistory history;
    private final NoShowModels models;
    private final NoShowProperties properties;
    private final Clock clock;

    NoShowRetraining(SystemAccess systemAccess, AppointmentHistory history, NoShowModels models,
            NoShowProperties properties, Clock clock) {
        this.systemAccess = systemAccess;
        this.history = history;
        this.models = models;
        this.properties = properties;
        this.clock = clock;
    }

    /** Trains on the store's history and stores the result as the next version; empty when too little. */
    public Optional<NoShowModel> retrain() {
        Instant now = clock.instant();
        List<AppointmentRecord> appointments = systemAccess.call("no-show model training",
                () -> history.startedSince(now.minus(properties.trainingWindow())));
        Optional<NoShowModel> trained = NoShowTrainer.train(appointments, "clinic", now).map(models::add);
        trained.ifPresentOrElse(
                model -> log.info("No-show model retrained: version={} trainingSize={} auc={} ece={}", model.version(),
                        model.trainingSize(), model.evaluation().auc(), model.evaluation().expectedCalibrationError()),
                () -> log.info("No-show model not retrained: {} appointments are too few to learn from",
                        appointments.size()));
        return trained;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(NoShowProperties.class)
    static class Schedule {

        @Bean
        RecurringTask<Void> noShowModelRetrainingTask(NoShowProperties properties, NoShowRetraining retraining) {
            return Tasks.recurring(TASK_NAME, Schedules.cron(properties.retrainCron(), properties.clinicZone()))
                    .execute((instance, context) -> retraining.retrain());
        }
    }
}
