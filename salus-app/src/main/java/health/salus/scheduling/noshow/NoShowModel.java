package health.salus.scheduling.noshow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A trained no-show model: feature names, the standardisation learnt from its training set, and the
 * logistic coefficients. Holds no patient data, so it can be stored and shown as it is.
 *
 * @param version      increasing number, stored with every prediction
 * @param source       where the training history came from: {@code clinic} or {@code synthetic}
 * @param trainingSize appointments it was trained on
 * @param baseRate     the training history's no-show rate, the prior that features smooth towards
 * @param evaluation   its quality on the later, held-out appointments
 */
public record NoShowModel(long version, Instant trainedAt, String source, int trainingSize, double baseRate,
        List<String> featureNames,
        double[] means, double[] standardDeviations, double intercept, double[] coefficients,
        ModelEvaluation evaluation) {

    static final int EXPLAINED_FEATURES = 3;

    public NoShowModel {
        featureNames = List.copyOf(featureNames);
        int d = featureNames.size();
        if (means.length != d || standardDeviations.length != d || coefficients.length != d) {
            throw new IllegalArgumentException("feature names, standardisation and coefficients differ in length");
        }
        means = means.clone();
        standardDeviations = standardDeviations.clone();
        coefficients = coefficients.clone();
    }

    public NoShowModel withVersion(long newVersion) {
        return new NoShowModel(newVersion, trainedAt, source, trainingSize, baseRate, featureNames, means, standardDeviations,
                intercept, coefficients, evaluation);
    }

    /** Extracts features the way this model was trained to see them. */
    public FeatureExtractor featureExtractor() {
        return new FeatureExtractor(baseRate);
    }

    /** The probability of a no-show and the three features that push it up most. */
    public Prediction predict(NoShowFeatures features) {
        double[] x = FeatureEncoder.forNames(featureNames).encode(features);
        double z = intercept;
        List<Contribution> contributions = new ArrayList<>(x.length);
        for (int j = 0; j < x.length; j++) {
            double contribution = coefficients[j] * standardise(x[j], j);
            z += contribution;
            contributions.add(new Contribution(featureNames.get(j), contribution));
        }
        List<String> top = contributions.stream()
                .filter(c -> c.value() > 0)
                .sorted(Comparator.comparingDouble(Contribution::value).reversed())
                .limit(EXPLAINED_FEATURES)
                .map(Contribution::feature)
                .toList();
        return new Prediction(LogisticRegression.sigmoid(z), version, top);
    }

    double standardise(double value, int feature) {
        return (value - means[feature]) / standardDeviations[feature];
    }

    private record Contribution(String feature, double value) {
    }
}
