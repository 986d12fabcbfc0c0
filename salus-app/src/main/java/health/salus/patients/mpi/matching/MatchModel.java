package health.salus.patients.mpi.matching;

import java.util.EnumMap;
import java.util.Map;

/**
 * The Fellegi–Sunter model: for each field and level, m (how often true matches agree at that level)
 * and u (how often different people do); the level weighs log2(m/u). Two thresholds on the summed
 * weight: at or above {@code certainThreshold} the records are the same person, at or above
 * {@code probableThreshold} a person should look. {@code twinPenalty} is added when records look like
 * twins (same birth date and family name, different first names), where the fields stop being
 * independent and the plain sum would call two siblings one person.
 */
public record MatchModel(Map<MatchField, Map<Level, Probabilities>> probabilities, double twinPenalty,
        double probableThreshold, double certainThreshold) {

    /** m and u of one level; both in (0, 1]. */
    public record Probabilities(double m, double u) {
        public Probabilities {
            if (!(m > 0 && m <= 1 && u > 0 && u <= 1)) {
                throw new IllegalArgumentException("m and u must be in (0, 1]");
            }
        }

        public double weight() {
            return Math.log(m / u) / Math.log(2);
        }
    }

    public MatchModel {
        Map<MatchField, Map<Level, Probabilities>> copy = new EnumMap<>(MatchField.class);
        probabilities.forEach((field, levels) -> copy.put(field, Map.copyOf(levels)));
        probabilities = Map.copyOf(copy);
        if (probableThreshold > certainThreshold) {
            throw new IllegalArgumentException("the probable threshold must not be above the certain one");
        }
    }

    /** The weight of a level; a level the model does not list for the field weighs as disagreement. */
    public double weight(MatchField field, Level level) {
        Map<Level, Probabilities> levels = probabilities.getOrDefault(field, Map.of());
        Probabilities p = levels.get(level);
        if (p == null) {
            p = levels.get(Level.DISAGREE);
        }
        return p == null ? 0 : p.weight();
    }

    /** A copy with one level's m and u replaced (configuration overrides the defaults level by level). */
    public MatchModel with(MatchField field, Level level, Probabilities p) {
        Map<MatchField, Map<Level, Probabilities>> copy = new EnumMap<>(MatchField.class);
        probabilities.forEach((f, levels) -> copy.put(f, new EnumMap<>(levels)));
        copy.computeIfAbsent(field, f -> new EnumMap<>(Level.class)).put(level, p);
        return new MatchModel(copy, twinPenalty, probableThreshold, certainThreshold);
    }

    public MatchModel withThresholds(double probable, double certain) {
        return new MatchModel(probabilities, twinPenalty, probable, certain);
    }

    public MatchModel withTwinPenalty(double penalty) {
        return new MatchModel(probabilities, penalty, probableThreshold, certainThreshold);
    }
}
