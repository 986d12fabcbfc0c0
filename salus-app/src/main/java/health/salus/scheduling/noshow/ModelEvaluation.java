package health.salus.scheduling.noshow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How good a model is on appointments it never saw: discrimination (AUC), calibration by decile of
 * predicted risk, the Brier score, and the expected calibration error (decile-weighted gap between
 * predicted and observed rates).
 */
public record ModelEvaluation(int testSize, double observedRate, double auc, double brier,
        double expectedCalibrationError, List<ReliabilityBin> reliability) {

    public ModelEvaluation {
        reliability = List.copyOf(reliability);
    }

    /** One decile of the test set ordered by predicted risk. */
    public record ReliabilityBin(int count, double meanPredicted, double observedRate) {
    }

    static ModelEvaluation of(double[] predicted, boolean[] actual) {
        int n = predicted.length;
        if (n == 0 || n != actual.length) {
            throw new IllegalArgumentException("need as many outcomes as predictions, and at least one");
        }
        double brier = 0;
        int events = 0;
        for (int i = 0; i < n; i++) {
            double y = actual[i] ? 1 : 0;
            brier += (predicted[i] - y) * (predicted[i] - y);
            events += actual[i] ? 1 : 0;
        }
        List<ReliabilityBin> bins = reliability(predicted, actual, 10);
        double ece = bins.stream().mapToDouble(b -> b.count() * Math.abs(b.meanPredicted() - b.observedRate())).sum() / n;
        return new ModelEvaluation(n, (double) events / n, auc(predicted, actual), brier / n, ece, bins);
    }

    /**
     * The Mann-Whitney form of the area under the ROC curve: the chance that a random no-show got a
     * higher risk than a random attended visit, ties counting half (average ranks).
     */
    static double auc(double[] predicted, boolean[] actual) {
        int n = predicted.length;
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> predicted[i]));
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && predicted[order[j + 1]] == predicted[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (actual[order[k]]) {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    private static List<ReliabilityBin> reliability(double[] predicted, boolean[] actual, int binCount) {
        int n = predicted.length;
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> predicted[i]));
        List<ReliabilityBin> bins = new ArrayList<>();
        for (int b = 0; b < binCount; b++) {
            int from = (int) ((long) b * n / binCount);
            int to = (int) ((long) (b + 1) * n / binCount);
            if (to <= from) {
                continue;
            }
            double predictedSum = 0;
            int events = 0;
            for (int k = from; k < to; k++) {
                predictedSum += predicted[order[k]];
                events += actual[order[k]] ? 1 : 0;
            }
            bins.add(new ReliabilityBin(to - from, predictedSum / (to - from), (double) events / (to - from)));
        }
        return bins;
    }
}
