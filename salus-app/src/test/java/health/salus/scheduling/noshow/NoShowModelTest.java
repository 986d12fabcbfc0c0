package health.salus.scheduling.noshow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoShowModelTest {

    private final FeatureEncoder encoder = new FeatureEncoder(List.of("ROUTINE", "followup"));

    @Test
    void explainsAPredictionByTheThreeFeaturesThatRaisedItMost() {
        NoShowModel model = modelWith(
                "patient's past no-show rate", 1.0,
                "lead time in days", 0.5,
                "Monday morning", 0.8,
                "late afternoon (from 16:00)", 0.3,
                "visit-type complexity", -2.0);
        NoShowFeatures risky = new NoShowFeatures(0.9, 4, 5, 20, 0.2, 8, DayOfWeek.MONDAY, 60, 30, "ROUTINE", 2);

        Prediction prediction = model.predict(risky);

        assertThat(prediction.topFeatures())
                .containsExactly("lead time in days", "patient's past no-show rate", "Monday morning");
        assertThat(prediction.modelVersion()).isEqualTo(7);
        // contributions: lead 0.5 × ln 61 ≈ 2.06, rate 0.9, Monday morning 0.8, late afternoon 0 (08:00)
        double z = -1.5 + 1.0 * 0.9 + 0.5 * Math.log1p(60) + 0.8 * 1 - 2.0 * 2;
        assertThat(prediction.probability()).isCloseTo(LogisticRegression.sigmoid(z), within(1e-12));
    }

    @Test
    void featuresThatLowerTheRiskAreNeverGivenAsReasons() {
        NoShowModel model = modelWith("visit-type complexity", -1.0, "weekend", -0.5);
        NoShowFeatures calm = new NoShowFeatures(0.1, 0, 3, 20, 0.2, 11, DayOfWeek.SATURDAY, 2, 45, "CHECKUP", 3);

        assertThat(model.predict(calm).topFeatures()).isEmpty();
    }

    @Test
    void encoderNamesEveryPositionAndRecognisesItsOwnNames() {
        assertThat(encoder.names()).contains("visit type FOLLOWUP", "visit type ROUTINE", "Monday", "Sunday",
                "patient's past no-show rate");
        assertThat(FeatureEncoder.forNames(encoder.names()).names()).isEqualTo(encoder.names());
        assertThat(encoder.encode(new NoShowFeatures(0, 0, 0, -1, 0, 9, DayOfWeek.TUESDAY, 0, 30, "FOLLOWUP", 1)))
                .hasSize(encoder.names().size());
        assertThatThrownBy(() -> FeatureEncoder.forNames(List.of("shoe size"))).isInstanceOf(IllegalArgumentException.class);
    }

    /** Coefficients on unstandardised features (means 0, sds 1), intercept −1.5, version 7. */
    private NoShowModel modelWith(Object... nameAndCoefficient) {
        int d = encoder.names().size();
        double[] coefficients = new double[d];
        double[] means = new double[d];
        double[] sds = new double[d];
        java.util.Arrays.fill(sds, 1);
        for (int i = 0; i < nameAndCoefficient.length; i += 2) {
            coefficients[encoder.names().indexOf((String) nameAndCoefficient[i])] = (double) nameAndCoefficient[i + 1];
        }
        return new NoShowModel(7, Instant.EPOCH, "synthetic", 100, 0.2, encoder.names(), means, sds, -1.5, coefficients,
                null);
    }
}
