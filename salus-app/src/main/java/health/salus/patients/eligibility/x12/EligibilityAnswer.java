package health.salus.patients.eligibility.x12;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a 271 (or a TA1/999 in its place) said, reduced to what the clinic acts on: covered or not, the
 * plan, the office-visit copay and the deductible, or why the payer would not answer.
 */
public record EligibilityAnswer(Outcome outcome, String traceNumber, List<Benefit> benefits,
        List<Rejection> rejections) {

    public enum Outcome {
        /** EB01 1–5: active coverage */
        ACTIVE,
        /** EB01 6–8: inactive (or pending an update or investigation) */
        INACTIVE,
        /** AAA: the payer or clearinghouse rejected the inquiry */
        REJECTED,
        /** TA1 or 999 rejected the interchange itself: our X12 is at fault, or theirs is unreadable */
        INTERCHANGE_REJECTED
    }

    /** AAA03 reasons a later resubmission may cure (42 unable to respond now, 80 no response received). */
    private static final Set<String> TRANSIENT = Set.of("42", "80");
    private static final Set<String> NOT_FOUND = Set.of("72", "73", "75", "76", "58", "64", "67");

    /** One EB segment: EB01 info code, EB03 service type, EB04 insurance type, EB05 plan, EB06 period, EB07 amount, EB12 in network. */
    public record Benefit(String code, String serviceType, String insuranceType, String planName, String timePeriod,
            Optional<BigDecimal> amount, Optional<Boolean> inNetwork) {
    }

    /** One AAA (or TA1/999 error): where ({@code loop}: 2100A payer, 2100B provider, 2100C/D member), AAA03, AAA04. */
    public record Rejection(String loop, String reason, String followUp) {

        public boolean transientFailure() {
            return TRANSIENT.contains(reason);
        }
    }

    public EligibilityAnswer {
        benefits = List.copyOf(benefits);
        rejections = List.copyOf(rejections);
    }

    /** Only a payer that could not answer now is worth asking again; every other rejection stands. */
    public boolean retryable() {
        return outcome == Outcome.REJECTED && rejections.stream().anyMatch(Rejection::transientFailure);
    }

    public boolean memberNotFound() {
        return outcome == Outcome.REJECTED && rejections.stream().anyMatch(r -> NOT_FOUND.contains(r.reason()));
    }

    /** A code naming the first rejection, safe to store and show: {@code AAA-75}, {@code TA1-022}, {@code 999-R}. */
    public Optional<String> rejectionCode() {
        return rejections.stream().findFirst().map(r -> r.loop().startsWith("2100") ? "AAA-" + r.reason()
                : r.loop() + "-" + r.reason());
    }

    public Optional<String> planName() {
        return benefits.stream().map(Benefit::planName).filter(name -> !name.isBlank()).findFirst();
    }

    /** The in-network office-visit copay (EB01 B), preferring service type 98 (physician visit). */
    public Optional<Benefit> copay() {
        return amounts("B").min(Comparator.comparing((Benefit b) -> !"98".equals(b.serviceType())));
    }

    /** The in-network calendar-year deductible (EB01 C, EB06 23), else any deductible. */
    public Optional<Benefit> deductible() {
        return amounts("C").min(Comparator.comparing((Benefit b) -> !"23".equals(b.timePeriod())));
    }

    /** What is left of the deductible this year (EB01 C, EB06 29 remaining). */
    public Optional<Benefit> deductibleRemaining() {
        return amounts("C").filter(b -> "29".equals(b.timePeriod())).findFirst();
    }

    private java.util.stream.Stream<Benefit> amounts(String code) {
        return benefits.stream().filter(b -> code.equals(b.code()) && b.amount().isPresent())
                .filter(b -> b.inNetwork().orElse(true));
    }
}
