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
        // the surname and first-name comparisons of the reading kept, for the household rule
        Optional<Level> surname = family;
        Optional<Level> firstName = given;
        if (weigh(MatchField.GIVEN, swappedGiven) + weigh(MatchField.FAMILY, swappedFamily)
                > weigh(MatchField.GIVEN, given) + weigh(MatchField.FAMILY, family)) {
            given = swappedGiven;
            family = swappedFamily;
            // swapped, a's given name was compared with b's family name: that is the surname comparison
            surname = comparators.family(a.given(), b.family());
            firstName = comparators.given(a.family(), b.given());
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
        boolean twin = sameHousehold(surname, firstName, levels);
        if (twin) {
            score += model.twinPenalty();
        }
        return new Comparison(score, levels, weights, twin);
    }

    /**
     * Twins, siblings, parents: the same surname and the same home (birth date near, or the phone or
     * street shared), yet a first name that is not the same or a nickname of it — plainly different, or
     * only alike while the sexes differ (Mario and Maria). An agreeing identifier (the same SSN) or
     * e-mail address, which household members rarely share, overrides it.
     */
    private static boolean sameHousehold(Optional<Level> surname, Optional<Level> firstName,
            Map<MatchField, Level> levels) {
        if (surname.isEmpty() || firstName.isEmpty() || !SAME_FAMILY.contains(surname.get())
                || levels.get(MatchField.IDENTIFIER) == Level.AGREE || levels.get(MatchField.EMAIL) == Level.AGREE) {
            return false;
        }
        Level birthDate = levels.get(MatchField.BIRTH_DATE);
        boolean sameHome = birthDate != null && birthDate != Level.DISAGREE
                || levels.get(MatchField.PHONE) == Level.AGREE || levels.get(MatchField.STREET) == Level.AGREE;
        Level given = firstName.get();
        return sameHome && (given == Level.DISAGREE
                || !SAME_GIVEN.contains(given) && levels.get(MatchField.SEX) == Level.DISAGREE);
    }

    private double weigh(MatchField field, Optional<Level> level) {
        return level.map(l -> model.weight(field, l)).orElse(0.0);
    }
}
