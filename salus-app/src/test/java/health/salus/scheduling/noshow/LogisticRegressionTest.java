package health.salus.scheduling.noshow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

    @Test
    void recoversTheCoefficientsThatGeneratedTheData() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 20_000;
        double[][] x = new double[n][2];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = random.nextDouble() * 2 - 1;
            x[i][1] = random.nextDouble() * 2 - 1;
            y[i] = random.nextDouble() < LogisticRegression.sigmoid(-1.0 + 2.0 * x[i][0] - 0.5 * x[i][1]);
        }

        double[] beta = LogisticRegression.fit(x, y, 1e-6);

        assertThat(beta[0]).isCloseTo(-1.0, within(0.1));
        assertThat(beta[1]).isCloseTo(2.0, within(0.15));
        assertThat(beta[2]).isCloseTo(-0.5, within(0.1));
    }

    @Test
    void thePenaltyShrinksCoefficientsButNotTheIntercept() {
        double[][] x = {{-1}, {-1}, {1}, {1}, {1}, {-1}};
        boolean[] y = {false, false, true, true, false, true};

        double[] loose = LogisticRegression.fit(x, y, 1e-6);
        double[] tight = LogisticRegression.fit(x, y, 1000);

        assertThat(Math.abs(tight[1])).isLessThan(Math.abs(loose[1]) / 10);
        // with the slope gone the intercept still matches the base rate (3 of 6)
        assertThat(LogisticRegression.sigmoid(tight[0])).isCloseTo(0.5, within(0.01));
    }

    @Test
    void perfectlySeparableDataStaysFiniteUnderThePenalty() {
        double[][] x = {{-2}, {-1}, {1}, {2}};
        boolean[] y = {false, false, true, true};

        double[] beta = LogisticRegression.fit(x, y, 0.1);

        assertThat(beta[1]).isPositive().isFinite();
    }

    @Test
    void choleskySolvesASymmetricPositiveDefiniteSystem() {
        double[][] a = {{4, 2, 0.4}, {2, 5, 1}, {0.4, 1, 3}};
        double[] b = {1, 2, 3};

        double[] x = LogisticRegression.Cholesky.solve(a, b);

        for (int i = 0; i < 3; i++) {
            assertThat(a[i][0] * x[0] + a[i][1] * x[1] + a[i][2] * x[2]).isCloseTo(b[i], within(1e-12));
        }
    }

    @Test
    void sigmoidDoesNotOverflowAtTheExtremes() {
        assertThat(LogisticRegression.sigmoid(1000)).isEqualTo(1.0);
        assertThat(LogisticRegression.sigmoid(-1000)).isEqualTo(0.0);
        assertThat(LogisticRegression.sigmoid(0)).isEqualTo(0.5);
    }
}
