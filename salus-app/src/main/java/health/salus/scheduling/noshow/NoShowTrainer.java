package health.salus.scheduling.noshow;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Trains and evaluates a model on a time split: the earliest 80 % of settled appointments (by start)
 * teach, the latest 20 % judge, as a model deployed today is judged by appointments it has not seen.
 * The model kept is then refitted on all of them so it learns from the most recent behaviour too; its
 * stored evaluation is the held-out one of the same recipe.
 */
public final class NoShowTrainer {

    public static final double TRAIN_SHARE = 0.8;
    /** Below this many settled appointments (or without both outcomes on each side) nothing is learnt. */
    public static final int MINIMUM_HISTORY = 200;
    static final double L2_PENALTY = 1.0;
    private static final double FALLBACK_BASE_RATE = 0.18;

    private NoShowTrainer() {
    }

    /** A model with version 0 (the store assigns the real one), or empty when the history is too thin. */
    public static Optional<NoShowModel> train(List<AppointmentRecord> history, String source, Instant trainedAt) {
        List<AppointmentRecord> settled = history.stream().filter(AppointmentRecord::settled)
                .sorted(Comparator.comparing(AppointmentRecord::start)).toList();
        int cut = (int) Math.round(settled.size() * TRAIN_SHARE);
        if (settled.size() < MINIMUM_HISTORY || !bothOutcomes(settled.subList(0, cut))
                || !bothOutcomes(settled.subList(cut, settled.size()))) {
            return Optional.empty();
        }
        // the prior comes from the training part only, so nothing about the test period leaks in
        double baseRate = FeatureExtractor.baseRate(settled.subList(0, cut), FALLBACK_BASE_RATE);
        List<FeatureExtractor.LabelledFeatures> rows = new FeatureExtractor(baseRate).trainingSet(history);
        FeatureEncoder encoder = new FeatureEncoder(rows.stream().map(r -> r.features().visitType()).toList());
        double[][] x = rows.stream().map(r -> encoder.encode(r.features())).toArray(double[][]::new);
        boolean[] y = new boolean[rows.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = rows.get(i).noShow();
        }

        NoShowModel heldOut = fit(Arrays.copyOfRange(x, 0, cut), Arrays.copyOfRange(y, 0, cut),
                encoder, baseRate, source, trainedAt, null);
        double[] predicted = new double[rows.size() - cut];
        boolean[] actual = Arrays.copyOfRange(y, cut, rows.size());
        for (int i = cut; i < rows.size(); i++) {
            predicted[i - cut] = heldOut.predict(rows.get(i).features()).probability();
        }
        ModelEvaluation evaluation = ModelEvaluation.of(predicted, actual);
        return Optional.of(fit(x, y, encoder, baseRate, source,
                trainedAt, evaluation));
    }

    private static NoShowModel fit(double[][] x, boolean[] y, FeatureEncoder encoder, double baseRate, String source,
            Instant trainedAt, ModelEvaluation evaluation) {
        int d = encoder.names().size();
        double[] means = new double[d];
        double[] sds = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                means[j] += row[j] / x.length;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                sds[j] += (row[j] - means[j]) * (row[j] - means[j]) / x.length;
            }
        }
        for (int j = 0; j < d; j++) {
            // a feature that never varied is left unscaled (it then contributes nothing)
            sds[j] = sds[j] > 1e-12 ? Math.sqrt(sds[j]) : 1;
        }
        double[][] standardised = new double[x.length][d];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < d; j++) {
                standardised[i][j] = (x[i][j] - means[j]) / sds[j];
            }
        }
        double[] beta = LogisticRegression.fit(standardised, y, L2_PENALTY);
        return new NoShowModel(0, trainedAt, source, x.length, baseRate, encoder.names(), means, sds, beta[0],
                Arrays.copyOfRange(beta, 1, beta.length), evaluation);
    }

    private static boolean bothOutcomes(List<AppointmentRecord> appointments) {
        boolean missed = appointments.stream().anyMatch(a -> a.outcome() == AppointmentRecord.Outcome.NO_SHOW);
        boolean attended = appointments.stream().anyMatch(a -> a.outcome() == AppointmentRecord.Outcome.ATTENDED);
        return missed && attended;
    }
}
