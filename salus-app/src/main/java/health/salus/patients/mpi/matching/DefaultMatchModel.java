package health.salus.patients.mpi.matching;

import static health.salus.patients.mpi.matching.Level.AGREE;
import static health.salus.patients.mpi.matching.Level.DISAGREE;
import static health.salus.patients.mpi.matching.Level.NICKNAME;
import static health.salus.patients.mpi.matching.Level.ONE_DIGIT;
import static health.salus.patients.mpi.matching.Level.PARTIAL;
import static health.salus.patients.mpi.matching.Level.PHONETIC;
import static health.salus.patients.mpi.matching.Level.TRANSPOSED;
import static health.salus.patients.mpi.matching.Level.TYPO;
import static health.salus.patients.mpi.matching.Level.YEAR_OFF;

import health.salus.patients.mpi.matching.MatchModel.Probabilities;
import java.util.EnumMap;
import java.util.Map;

/**
 * The shipped m and u values, tuned on the generated labelled set (see docs/benchmarks.md, "Master
 * patient index matching quality"). u values are the chance two different people agree at a level,
 * m values the chance two records of one person do; every one can be overridden in configuration.
 */
public final class DefaultMatchModel {

    public static final double PROBABLE_THRESHOLD = 12;
    public static final double CERTAIN_THRESHOLD = 28;
    public static final double TWIN_PENALTY = -40;

    private DefaultMatchModel() {
    }

    public static MatchModel create() {
        Map<MatchField, Map<Level, Probabilities>> p = new EnumMap<>(MatchField.class);
        p.put(MatchField.GIVEN, levels(AGREE, 0.84, 0.01, NICKNAME, 0.06, 0.002, TYPO, 0.05, 0.003,
                PHONETIC, 0.02, 0.006, PARTIAL, 0.02, 0.02, DISAGREE, 0.01, 0.96));
        p.put(MatchField.FAMILY, levels(AGREE, 0.88, 0.005, TYPO, 0.06, 0.002, PARTIAL, 0.03, 0.003,
                PHONETIC, 0.02, 0.004, DISAGREE, 0.01, 0.986));
        p.put(MatchField.BIRTH_DATE, levels(AGREE, 0.92, 0.0003, TRANSPOSED, 0.02, 0.0003, ONE_DIGIT, 0.03, 0.003,
                YEAR_OFF, 0.01, 0.0006, DISAGREE, 0.01, 0.996));
        p.put(MatchField.SEX, levels(AGREE, 0.98, 0.5, DISAGREE, 0.02, 0.5));
        p.put(MatchField.PHONE, levels(AGREE, 0.65, 0.0005, DISAGREE, 0.35, 0.9995));
        p.put(MatchField.EMAIL, levels(AGREE, 0.6, 0.0002, TYPO, 0.05, 0.0004, DISAGREE, 0.35, 0.9994));
        p.put(MatchField.POSTAL_CODE, levels(AGREE, 0.75, 0.02, DISAGREE, 0.25, 0.99));
        p.put(MatchField.STREET, levels(AGREE, 0.65, 0.001, TYPO, 0.1, 0.002, DISAGREE, 0.25, 0.997));
        p.put(MatchField.IDENTIFIER, levels(AGREE, 0.98, 0.00001, DISAGREE, 0.001, 0.999));
        return new MatchModel(p, TWIN_PENALTY, PROBABLE_THRESHOLD, CERTAIN_THRESHOLD);
    }

    private static Map<Level, Probabilities> levels(Object... values) {
        Map<Level, Probabilities> levels = new EnumMap<>(Level.class);
        for (int i = 0; i < values.length; i += 3) {
            levels.put((Level) values[i], new Probabilities((double) values[i + 1], (double) values[i + 2]));
        }
        return levels;
    }
}
