package health.salus.scheduling.noshow;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns {@link NoShowFeatures} into the model's numeric vector, each position with a plain name that
 * explanations show to coordinators. Counts and durations are log-scaled (the tenth missed visit
 * says less than the first); weekday and visit type are one-hot; hour also gets the bands where
 * patients miss most (early mornings, late afternoons, Monday mornings).
 */
final class FeatureEncoder {

    static final String VISIT_TYPE_PREFIX = "visit type ";

    private static final List<String> FIXED = List.of(
            "patient's past no-show rate",
            "patient's past no-shows",
            "patient's past visits",
            "new patient",
            "days since last visit",
            "provider's no-show rate",
            "hour of day",
            "early morning (before 10:00)",
            "late afternoon (from 16:00)",
            "Monday morning",
            "weekend",
            "lead time in days",
            "duration in minutes",
            "visit-type complexity");

    private final List<String> visitTypes;
    private final List<String> names;

    /** @param visitTypes the visit types seen in training, each its own indicator */
    FeatureEncoder(List<String> visitTypes) {
        this.visitTypes = visitTypes.stream().map(VisitTypes::normalise).distinct().sorted().toList();
        List<String> all = new ArrayList<>(FIXED);
        for (DayOfWeek day : DayOfWeek.values()) {
            all.add(dayName(day));
        }
        this.visitTypes.forEach(type -> all.add(VISIT_TYPE_PREFIX + type));
        this.names = List.copyOf(all);
    }

    /** The encoder a stored model was trained with, recovered from its feature names. */
    static FeatureEncoder forNames(List<String> featureNames) {
        FeatureEncoder encoder = new FeatureEncoder(featureNames.stream()
                .filter(name -> name.startsWith(VISIT_TYPE_PREFIX))
                .map(name -> name.substring(VISIT_TYPE_PREFIX.length())).toList());
        if (!encoder.names.equals(featureNames)) {
            throw new IllegalArgumentException("stored model has features this version does not know");
        }
        return encoder;
    }

    List<String> names() {
        return names;
    }

    double[] encode(NoShowFeatures f) {
        double[] x = new double[names.size()];
        int i = 0;
        x[i++] = f.patientNoShowRate();
        x[i++] = Math.log1p(f.patientNoShows());
        x[i++] = Math.log1p(f.patientVisits());
        x[i++] = indicator(f.newPatient());
        x[i++] = f.daysSinceLastVisit() < 0 ? 0 : Math.log1p(f.daysSinceLastVisit());
        x[i++] = f.providerNoShowRate();
        x[i++] = f.hour();
        x[i++] = indicator(f.hour() < 10);
        x[i++] = indicator(f.hour() >= 16);
        x[i++] = indicator(f.weekday() == DayOfWeek.MONDAY && f.hour() < 12);
        x[i++] = indicator(f.weekend());
        x[i++] = Math.log1p(f.leadDays());
        x[i++] = Math.log1p(f.durationMinutes());
        x[i++] = f.visitComplexity();
        for (DayOfWeek day : DayOfWeek.values()) {
            x[i++] = indicator(f.weekday() == day);
        }
        for (String type : visitTypes) {
            x[i++] = indicator(type.equals(f.visitType()));
        }
        return x;
    }

    private static double indicator(boolean value) {
        return value ? 1 : 0;
    }

    private static String dayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
