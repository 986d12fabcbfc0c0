package health.salus.patients.mpi.index;

import health.salus.patients.mpi.matching.DefaultMatchModel;
import health.salus.patients.mpi.matching.Level;
import health.salus.patients.mpi.matching.MatchField;
import health.salus.patients.mpi.matching.MatchModel;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code salus.patients.matching.*}: the two thresholds, the twin penalty, how many candidates one
 * assessment may fetch, the identifier systems that are the clinic's own MRNs (never compared), and
 * per-field, per-level m/u overrides of the shipped weights, e.g.
 * {@code salus.patients.matching.weights.phone.agree: {m: 0.7, u: 0.0005}}. Unset values keep the defaults.
 */
@ConfigurationProperties("salus.patients.matching")
record MatchingProperties(Double probableThreshold, Double certainThreshold, Double twinPenalty,
        Integer maxCandidates, List<String> mrnSystems, Map<String, Map<String, Weight>> weights) {

    static final int DEFAULT_MAX_CANDIDATES = 50;

    record Weight(double m, double u) {
    }

    MatchingProperties {
        mrnSystems = mrnSystems == null ? List.of() : List.copyOf(mrnSystems);
        weights = weights == null ? Map.of() : Map.copyOf(weights);
    }

    int candidateLimit() {
        return maxCandidates == null ? DEFAULT_MAX_CANDIDATES : Math.max(1, Math.min(500, maxCandidates));
    }

    /** The shipped model with whatever configuration overrides; an unknown field or level stops start-up. */
    MatchModel model() {
        MatchModel model = DefaultMatchModel.create();
        for (Map.Entry<String, Map<String, Weight>> field : weights.entrySet()) {
            MatchField matchField = Arrays.stream(MatchField.values())
                    .filter(f -> f.code().equalsIgnoreCase(field.getKey()) || f.name().equalsIgnoreCase(field.getKey()))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "salus.patients.matching.weights: unknown field " + field.getKey()));
            for (Map.Entry<String, Weight> level : field.getValue().entrySet()) {
                Level matchLevel = Arrays.stream(Level.values())
                        .filter(l -> l.code().equalsIgnoreCase(level.getKey()) || l.name().equalsIgnoreCase(level.getKey()))
                        .findFirst().orElseThrow(() -> new IllegalStateException(
                                "salus.patients.matching.weights: unknown level " + level.getKey()));
                model = model.with(matchField, matchLevel,
                        new MatchModel.Probabilities(level.getValue().m(), level.getValue().u()));
            }
        }
        if (twinPenalty != null) {
            model = model.withTwinPenalty(twinPenalty);
        }
        return model.withThresholds(probableThreshold == null ? model.probableThreshold() : probableThreshold,
                certainThreshold == null ? model.certainThreshold() : certainThreshold);
    }
}
