package health.salus.scheduling.noshow;

import java.util.Locale;
import java.util.Map;

/**
 * How involved a visit type is (1 simple … 3 involved), by HL7 v2-0276 appointment reason code.
 * Longer, preparation-heavy visits are missed less: patients plan around them.
 */
final class VisitTypes {

    static final int UNKNOWN_COMPLEXITY = 2;

    private static final Map<String, Integer> COMPLEXITY = Map.of(
            "WALKIN", 1,
            "FOLLOWUP", 1,
            "ROUTINE", 2,
            "CHECKUP", 3,
            "EMERGENCY", 3);

    private VisitTypes() {
    }

    static String normalise(String code) {
        return code == null || code.isBlank() ? "UNKNOWN" : code.trim().toUpperCase(Locale.ROOT);
    }

    static int complexity(String code) {
        return COMPLEXITY.getOrDefault(normalise(code), UNKNOWN_COMPLEXITY);
    }
}
