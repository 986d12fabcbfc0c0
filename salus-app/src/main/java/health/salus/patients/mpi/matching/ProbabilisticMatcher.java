package health.salus.patients.mpi.matching;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fellegi–Sunter record linkage on two {@link PersonRecord}s: each field compared to a level, each
 * level weighing log2(m/u), missing values nothing. Given and family names are also tried swapped
 * (people and clerks put them the wrong way round), keeping whichever reading scores higher. A plain
 * class, so its quality can be measured without a database.
 */
public final class ProbabilisticMatcher {

    /** Family and given names that may still be one family's twins: not clearly different surnames. */
    private static final Set<Level> SAME_FAMILY = Set.of(Level.AGREE, Level.TYPO, Level.PARTIAL, Level.PHONETIC);
    private static final Set<Level> SAME_GIVEN = Set.of(Level.AGREE, Level.NICKNAME);

    private final MatchModel model;
    private final FieldComparators comparators;

    public ProbabilisticMatcher(MatchModel model, Nicknames nicknames) {
        this.model = model;
        this.comparators = new FieldComparators(nicknames);
    }

    public MatchModel model() {
        return model;
    }

    public Comparison compare(PersonRecord a, PersonRecord b) {
        Map<MatchField, Level> levels = new EnumMap<>(MatchField.class);
        Optional<Level> given = comparators.given(a.given(), b.given());
        Optional<Level> family = comparators.family(a.family(), b.family());
        Optional<Level> swappedGiven = comparators.given(a.given(), b.family());
        Optional<Level> swappedFamily = comparators.family(a.family(), b.given());
        if (weigh(MatchField.GIVEN, swappedGiven) + weigh(MatchField.FAMILY, swappedFamily)
                > weigh(MatchField.GIVEN, given) + weigh(MatchField.FAMILY, family)) {
            given = swappedGiven;
            family = swappedFamily;
        }
        given.ifPresent(level -> levels.put(MatchField.GIVEN, level));
        family.ifPresent(level -> levels.put(MatchField.FAMILY, level));
        comparators.birthDate(a.birthDate(), b.birthDate()).ifPresent(l -> levels.put(MatchField.BIRTH_DATE, l));
        comparators.sex(a.sex(), b.sex()).ifPresent(l -> levels.put(MatchField.SEX, l));
        comparators.shared(a.phones(), b.phones()).ifPresent(l -> levels.put(MatchField.PHONE, l));
        comparators.email(a.emails(), b.emails()).ifPresent(l -> levels.put(MatchField.EMAIL, l));
        comparators.shared(a.postalCodes(), b.postalCodes()).ifPresent(l -> levels.put(MatchField.POSTAL_CODE, l));
        comparators.street(a.streets(), b.streets()).ifPresent(l -> levels.put(MatchField.STREET, l));
        comparators.identifiers(a.identifiers(), b.identifiers()).ifPresent(l -> levels.put(MatchField.IDENTIFIER, l));

        Map<MatchField, Double> weights = new EnumMap<>(MatchField.class);
        double score = 0;
        for (Map.Entry<MatchField, Level> entry : levels.entrySet()) {
            double weight = model.weight(entry.getKey(), entry.getValue());
            weights.put(entry.getKey(), weight);
            score += weight;
        }
        boolean twin = looksLikeTwins(levels);
        if (twin) {
            score += model.twinPenalty();
        }
        return new Comparison(score, levels, weights, twin);
    }

    /**
     * Same birth date, same family, yet a first name that is not the same or a nickname of it: either
     * plainly different, or only alike while the sexes differ (Mario and Maria). An agreeing identifier
     * (the same SSN) overrides it.
     */
    private static boolean looksLikeTwins(Map<MatchField, Level> levels) {
        Level given = levels.get(MatchField.GIVEN);
        if (given == null || levels.get(MatchField.BIRTH_DATE) != Level.AGREE
                || !SAME_FAMILY.contains(levels.get(MatchField.FAMILY))
                || levels.get(MatchField.IDENTIFIER) == Level.AGREE) {
            return false;
        }
        return given == Level.DISAGREE || !SAME_GIVEN.contains(given) && levels.get(MatchField.SEX) == Level.DISAGREE;
    }

    private double weigh(MatchField field, Optional<Level> level) {
        return level.map(l -> model.weight(field, l)).orElse(0.0);
    }
}
