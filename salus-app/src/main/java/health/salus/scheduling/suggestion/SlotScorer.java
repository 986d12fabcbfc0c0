package health.salus.scheduling.suggestion;

import health.salus.scheduling.suggestion.CandidateFacts.HardToRefill;
import health.salus.scheduling.suggestion.Suggestions.Reason;
import health.salus.scheduling.suggestion.Suggestions.ScoredSlot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Scores free slots for one patient as a weighted sum of explained factors; pure and deterministic
 * (same facts, same ranking). Each factor's value lies in 0…1 (or −1…0 for penalties) and is multiplied
 * by its weight from {@link SuggestionProperties}:
 * <ul>
 * <li>{@code PREFERRED_TIME}: 1 on a preferred day within a preferred time of day, ½ when only one of
 * the two matches (when both were given); nothing without preferences.</li>
 * <li>{@code EARLY}: the slot's earliness in the window; its weight grows with the urgency.</li>
 * <li>{@code USUAL_PROVIDER}: 1 with the practitioner the patient attended most.</li>
 * <li>{@code LIGHT_DAY}: 1 − the share of the practitioner's day already booked (balances load).</li>
 * <li>{@code NO_SHOW_RISK}: − the patient's predicted no-show probability in that slot (hour, weekday
 * and lead time change it), so slots the patient is likelier to keep rank higher.</li>
 * <li>{@code HIGH_RISK_HARD_TO_REFILL}: −1 when the risk is at or above the high-risk threshold and the
 * slot is hard to refill (short notice or last of the day); {@code LOW_RISK_FIT}: +¼ when the risk is
 * under half the threshold there, so reliable patients take those slots.</li>
 * </ul>
 * Ties go to the earlier start, then the practitioner id, then the site id.
 */
final class SlotScorer {

    static final int ALTERNATIVES = 2;
    private static final double LOW_RISK_FIT = 0.25;

    private final SuggestionProperties weights;

    SlotScorer(SuggestionProperties weights) {
        this.weights = weights;
    }

    /** Who is asking and how: preferences, urgency, the usual practitioner and the high-risk threshold. */
    record Context(Preferences preferences, Urgency urgency, Optional<String> usualProvider, double highRiskThreshold) {
    }

    Suggestions suggest(List<CandidateFacts> candidates, Context context) {
        List<ScoredSlot> ranked = rank(candidates, context);
        if (ranked.isEmpty()) {
            return new Suggestions(Optional.empty(), List.of(), 0, "none", 0);
        }
        List<ScoredSlot> alternatives = ranked.subList(1, Math.min(ranked.size(), 1 + ALTERNATIVES));
        double confidence = ranked.size() == 1 ? 1.0
                : 1 - Math.exp(-(ranked.get(0).score() - ranked.get(1).score()) / weights.confidenceScale());
        double rounded = round(confidence, 2);
        return new Suggestions(Optional.of(ranked.get(0)), alternatives, rounded, level(rounded), candidates.size());
    }

    List<ScoredSlot> rank(List<CandidateFacts> candidates, Context context) {
        return candidates.stream().map(c -> score(c, context))
                .sorted(Comparator.comparingDouble(ScoredSlot::score).reversed()
                        .thenComparing(s -> s.slot().start())
                        .thenComparing(s -> s.slot().practitionerId())
                        .thenComparing(s -> s.slot().locationId()))
                .toList();
    }

    ScoredSlot score(CandidateFacts facts, Context context) {
        List<Reason> reasons = new ArrayList<>();
        preferredTime(facts, context.preferences(), reasons);
        earliness(facts, context.urgency(), reasons);
        if (context.usualProvider().filter(facts.slot().practitionerId()::equals).isPresent()) {
            reasons.add(reason("USUAL_PROVIDER", "The patient's usual practitioner (most past visits)",
                    weights.continuity()));
        }
        load(facts, reasons);
        noShow(facts, context.highRiskThreshold(), reasons);
        double score = round(reasons.stream().mapToDouble(Reason::points).sum(), 3);
        return new ScoredSlot(facts.slot(), score, reasons);
    }

    private void preferredTime(CandidateFacts facts, Preferences preferences, List<Reason> reasons) {
        if (!preferences.any()) {
            return;
        }
        boolean day = preferences.days().isEmpty() || preferences.days().contains(facts.localDay());
        boolean time = preferences.times().isEmpty()
                || preferences.times().stream().anyMatch(range -> range.contains(facts.localTime()));
        boolean both = !preferences.days().isEmpty() && !preferences.times().isEmpty();
        if (day && time) {
            reasons.add(reason("PREFERRED_TIME", "Matches the patient's preferred "
                    + (both ? "day and time" : preferences.days().isEmpty() ? "time of day" : "day"),
                    weights.preferredTime()));
        } else if (both && (day || time)) {
            reasons.add(reason("PREFERRED_TIME_PARTLY", "Matches the preferred " + (day ? "day" : "time of day")
                    + " only", weights.preferredTime() / 2));
        } else {
            reasons.add(reason("OUTSIDE_PREFERENCE", "Outside the patient's preferred times", 0));
        }
    }

    private void earliness(CandidateFacts facts, Urgency urgency, List<Reason> reasons) {
        double points = weights.earliness(urgency) * facts.earliness();
        String text = switch (urgency) {
            case URGENT -> "Urgent: the earlier the better";
            case SOON -> "To be seen soon: an early slot";
            case ROUTINE -> "Early in the requested window";
        };
        reasons.add(reason("EARLY", text, points));
    }

    private void load(CandidateFacts facts, List<Reason> reasons) {
        double points = weights.providerLoad() * (1 - facts.dayLoad());
        int percent = (int) Math.round(facts.dayLoad() * 100);
        if (facts.dayLoad() < 0.5) {
            reasons.add(reason("LIGHT_DAY", "Lighter day for this practitioner (" + percent + "% booked)", points));
        } else {
            reasons.add(reason("BUSY_DAY", "Busy day for this practitioner (" + percent + "% booked)", points));
        }
    }

    private void noShow(CandidateFacts facts, double threshold, List<Reason> reasons) {
        if (facts.noShowRisk().isEmpty()) {
            return;
        }
        double risk = facts.noShowRisk().get();
        int percent = (int) Math.round(risk * 100);
        reasons.add(reason("NO_SHOW_RISK", "Predicted no-show risk in this slot " + percent + "%",
                -weights.attendance() * risk));
        if (facts.hardToRefill().isEmpty()) {
            return;
        }
        String slot = facts.hardToRefill().get() == HardToRefill.SHORT_NOTICE ? "a short-notice slot"
                : "the last slot of the day";
        if (risk >= threshold) {
            reasons.add(reason("HIGH_RISK_HARD_TO_REFILL", "High no-show risk: avoid " + slot
                    + ", which is hard to refill", -weights.hardToRefill()));
        } else if (risk < threshold / 2) {
            reasons.add(reason("LOW_RISK_FIT", "Low no-show risk suits " + slot + ", which is hard to refill",
                    weights.hardToRefill() * LOW_RISK_FIT));
        }
    }

    private static Reason reason(String code, String text, double points) {
        return new Reason(code, text, round(points, 3));
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        // + 0.0 turns a negative zero into zero, so "-0.0" never shows
        return Math.round(value * scale) / scale + 0.0;
    }

    static String level(double confidence) {
        return confidence >= 0.67 ? "high" : confidence >= 0.34 ? "medium" : "low";
    }
}
