package health.salus.scheduling.suggestion;

import health.salus.scheduling.availability.FreeSlot;
import java.util.List;
import java.util.Optional;

/**
 * The answer of {@code POST /api/appointments/suggestions}: the best slot, up to two alternatives (the
 * next best, in order), and how confident the choice is (0…1, from the lead of the best over the next).
 *
 * @param considered how many free slots were scored
 */
public record Suggestions(Optional<ScoredSlot> best, List<ScoredSlot> alternatives, double confidence,
        String confidenceLevel, int considered) {

    public Suggestions {
        alternatives = List.copyOf(alternatives);
    }

    /** A slot, its total score and the reasons that make it up (points of each factor). */
    public record ScoredSlot(FreeSlot slot, double score, List<Reason> reasons) {

        public ScoredSlot {
            reasons = List.copyOf(reasons);
        }
    }

    /** A code for machines, a short text for staff, and the points it added (negative: took away). */
    public record Reason(String code, String text, double points) {
    }
}
