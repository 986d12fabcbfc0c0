package health.salus.patients.mpi.matching;

import java.util.List;
import java.util.Map;

/**
 * Two records compared: the summed weight, the level each present field agreed at, and whether the
 * twin rule applied. {@link #agreements()} names the fields that counted for the match — names only,
 * never values, so they may be stored and shown.
 */
public record Comparison(double score, Map<MatchField, Level> levels, Map<MatchField, Double> weights,
        boolean possibleTwin) {

    public Comparison {
        levels = Map.copyOf(levels);
        weights = Map.copyOf(weights);
    }

    public List<String> agreements() {
        return weights.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).sorted()
                .map(MatchField::code).toList();
    }
}
