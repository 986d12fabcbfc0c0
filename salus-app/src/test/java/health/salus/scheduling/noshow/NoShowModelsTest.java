package health.salus.scheduling.noshow;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.support.SalusIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Stored model versions and the weekly retraining job, on the real database. */
@SalusIntegrationTest
class NoShowModelsTest {

    @Autowired
    NoShowModels models;
    @Autowired
    NoShowPredictor predictor;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aStoredModelComesBackUnderTheNextVersionAndPredictsTheSame() {
        NoShowModel current = predictor.currentModel().orElseThrow();
        NoShowModel trained = new NoShowModel(0, Instant.now().truncatedTo(ChronoUnit.MILLIS), "clinic",
                current.trainingSize(), current.baseRate(), current.featureNames(), current.means(),
                current.standardDeviations(), current.intercept() + 0.25, current.coefficients(), current.evaluation());

        NoShowModel stored = models.add(trained);

        assertThat(stored.version()).isGreaterThan(current.version());
        NoShowModel read = models.version(stored.version()).orElseThrow();
        assertThat(read.coefficients()).containsExactly(trained.coefficients());
        assertThat(read.means()).containsExactly(trained.means());
        assertThat(read.standardDeviations()).containsExactly(trained.standardDeviations());
        assertThat(read.intercept()).isEqualTo(trained.intercept());
        assertThat(read.evaluation()).isEqualTo(trained.evaluation());
        assertThat(read.trainedAt()).isEqualTo(trained.trainedAt());
        assertThat(read.source()).isEqualTo("clinic");
        assertThat(models.latestVersion()).get().matches(v -> v >= stored.version());
    }

    @Test
    void theRetrainingAndAssessmentJobsAreRegisteredAsRecurringTasks() {
        Integer registered = jdbc.queryForObject("select count(*) from scheduled_tasks where task_name in (?, ?)",
                Integer.class, NoShowRetraining.TASK_NAME, UpcomingAppointmentsAssessment.TASK_NAME);

        assertThat(registered).isEqualTo(2);
    }
}
