package health.salus.scheduling.noshow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Quality floors of the recipe on the fixed-seed synthetic clinic (not timings). */
class NoShowTrainerTest {

    private static List<AppointmentRecord> history;
    private static NoShowModel model;

    @BeforeAll
    static void train() {
        history = SyntheticAppointmentHistory.benchmarkClinic();
        model = NoShowTrainer.train(history, "synthetic", Instant.parse("2026-01-01T00:00:00Z")).orElseThrow();
        System.out.println(NoShowBenchmark.report(history, model));
    }

    @Test
    void syntheticClinicMissesAboutOneVisitInSix() {
        long settled = history.stream().filter(AppointmentRecord::settled).count();
        long missed = history.stream().filter(a -> a.outcome() == AppointmentRecord.Outcome.NO_SHOW).count();
        assertThat((double) missed / settled).isBetween(0.15, 0.20);
        assertThat(settled).isGreaterThan(10_000);
    }

    @Test
    void heldOutLaterAppointmentsAreRankedWithAucOfAtLeastPointEight() {
        assertThat(model.evaluation().auc()).isGreaterThanOrEqualTo(0.80);
        assertThat(model.evaluation().testSize()).isEqualTo(
                (int) (history.stream().filter(AppointmentRecord::settled).count() - Math.round(
                        history.stream().filter(AppointmentRecord::settled).count() * NoShowTrainer.TRAIN_SHARE)));
    }

    @Test
    void predictedRisksAreCalibratedOnHeldOutAppointments() {
        ModelEvaluation evaluation = model.evaluation();
        assertThat(evaluation.expectedCalibrationError()).isLessThan(0.05);
        assertThat(evaluation.reliability()).hasSize(10);
        // a useless model predicting the base rate for everyone scores observed × (1 − observed)
        double baseline = evaluation.observedRate() * (1 - evaluation.observedRate());
        assertThat(evaluation.brier()).isLessThan(baseline * 0.85);
    }

    @Test
    void riskRisesWithTheFeaturesThatDriveNoShowsInTheGenerator() {
        assertThat(coefficient("patient's past no-show rate")).isPositive();
        assertThat(coefficient("lead time in days")).isPositive();
        assertThat(coefficient("Monday morning")).isPositive();
        assertThat(coefficient("late afternoon (from 16:00)")).isPositive();
        assertThat(coefficient("visit-type complexity")).isNegative();
    }

    @Test
    void tooLittleHistoryTrainsNothing() {
        assertThat(NoShowTrainer.train(history.subList(0, 100), "clinic", Instant.EPOCH)).isEmpty();
        assertThat(NoShowTrainer.train(List.of(), "clinic", Instant.EPOCH)).isEmpty();
    }

    private static double coefficient(String feature) {
        return model.coefficients()[model.featureNames().indexOf(feature)];
    }
}
