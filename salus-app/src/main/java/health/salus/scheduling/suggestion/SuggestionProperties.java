package health.salus.scheduling.suggestion;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code salus.scheduling.suggestions.*}: the weight of each factor of a slot's score (points for a
 * full match) and the limits of a suggestion request. See {@link SlotScorer} for what each factor measures.
 *
 * @param preferredTime    a slot on a preferred day within a preferred time of day
 * @param continuity       a slot with the patient's usual practitioner
 * @param providerLoad     a slot on an empty day for its practitioner (scaled down as the day fills)
 * @param attendance       taken away in proportion to the patient's predicted no-show risk in that slot
 * @param hardToRefill     taken away when a high-risk patient would get a hard-to-refill slot
 * @param earlinessRoutine an immediate slot, for a routine request (scaled down towards the window's end)
 * @param earlinessSoon    the same, for a request that should be seen soon
 * @param earlinessUrgent  the same, for an urgent request
 * @param refillNotice     a slot starting sooner than this is hard to refill: too little time to offer it again
 * @param confidenceScale  the lead of the best slot over the next (in points) at which confidence is 63%
 * @param longestWindow    the widest date window one request may search
 * @param candidateLimit   how many free slots (earliest first) are scored at most
 */
@ConfigurationProperties("salus.scheduling.suggestions")
record SuggestionProperties(
        @DefaultValue("3.0") double preferredTime,
        @DefaultValue("2.5") double continuity,
        @DefaultValue("1.5") double providerLoad,
        @DefaultValue("2.0") double attendance,
        @DefaultValue("4.0") double hardToRefill,
        @DefaultValue("1.0") double earlinessRoutine,
        @DefaultValue("3.0") double earlinessSoon,
        @DefaultValue("8.0") double earlinessUrgent,
        @DefaultValue("48h") Duration refillNotice,
        @DefaultValue("1.0") double confidenceScale,
        @DefaultValue("31d") Duration longestWindow,
        @DefaultValue("500") int candidateLimit) {

    SuggestionProperties {
        if (confidenceScale <= 0 || candidateLimit < 3) {
            throw new IllegalArgumentException("salus.scheduling.suggestions: confidence-scale must be positive and "
                    + "candidate-limit at least 3");
        }
    }

    static SuggestionProperties defaults() {
        return new SuggestionProperties(3.0, 2.5, 1.5, 2.0, 4.0, 1.0, 3.0, 8.0, Duration.ofHours(48), 1.0,
                Duration.ofDays(31), 500);
    }

    double earliness(Urgency urgency) {
        return switch (urgency) {
            case ROUTINE -> earlinessRoutine;
            case SOON -> earlinessSoon;
            case URGENT -> earlinessUrgent;
        };
    }
}
