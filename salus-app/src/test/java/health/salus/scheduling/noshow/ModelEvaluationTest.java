package health.salus.scheduling.noshow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ModelEvaluationTest {

    @Test
    void aucIsOneWhenEveryNoShowOutranksEveryAttendance() {
        assertThat(ModelEvaluation.auc(new double[] {0.1, 0.2, 0.8, 0.9}, new boolean[] {false, false, true, true}))
                .isEqualTo(1.0);
        assertThat(ModelEvaluation.auc(new double[] {0.9, 0.8, 0.2, 0.1}, new boolean[] {false, false, true, true}))
                .isEqualTo(0.0);
    }

    @Test
    void aucCountsTiesAsHalfAndMatchesThePairwiseDefinition() {
        // pairs (no-show, attended): (0.4 vs 0.1) win, (0.4 vs 0.4) tie, (0.3 vs 0.1) win, (0.3 vs 0.4) loss → 2.5 / 4
        double[] predicted = {0.1, 0.4, 0.4, 0.3};
        boolean[] actual = {false, false, true, true};

        assertThat(ModelEvaluation.auc(predicted, actual)).isCloseTo(0.625, within(1e-12));
        assertThat(ModelEvaluation.auc(new double[] {0.3, 0.3}, new boolean[] {true, false})).isEqualTo(0.5);
    }

    @Test
    void aucIsUndefinedWithoutBothOutcomes() {
        assertThat(ModelEvaluation.auc(new double[] {0.3, 0.4}, new boolean[] {true, true})).isNaN();
    }

    @Test
    void calibrationTableSplitsTheRankedPredictionsIntoDeciles() {
        double[] predicted = new double[100];
        boolean[] actual = new boolean[100];
        for (int i = 0; i < 100; i++) {
            predicted[i] = (i / 10) / 10.0 + 0.05; // 0.05, 0.15 … 0.95 per decile
            actual[i] = i % 10 <= i / 10; // k + 1 of the 10 in decile k
        }

        ModelEvaluation evaluation = ModelEvaluation.of(predicted, actual);

        assertThat(evaluation.reliability()).hasSize(10);
        assertThat(evaluation.reliability().get(0).count()).isEqualTo(10);
        assertThat(evaluation.reliability().get(0).meanPredicted()).isCloseTo(0.05, within(1e-12));
        assertThat(evaluation.reliability().get(0).observedRate()).isCloseTo(0.1, within(1e-12));
        assertThat(evaluation.reliability().get(9).observedRate()).isCloseTo(1.0, within(1e-12));
        // every decile is 0.05 off: predicted 0.05 + k/10, observed (k + 1)/10
        assertThat(evaluation.expectedCalibrationError()).isCloseTo(0.05, within(1e-12));
        assertThat(evaluation.testSize()).isEqualTo(100);
        assertThat(evaluation.observedRate()).isCloseTo(0.55, within(1e-12));
    }

    @Test
    void brierScoreIsTheMeanSquaredErrorOfTheProbabilities() {
        ModelEvaluation evaluation = ModelEvaluation.of(new double[] {0.2, 0.7}, new boolean[] {false, true});

        assertThat(evaluation.brier()).isCloseTo((0.04 + 0.09) / 2, within(1e-12));
    }
}
