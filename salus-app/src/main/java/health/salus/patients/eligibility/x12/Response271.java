package health.salus.patients.eligibility.x12;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads a 271 (or the TA1/999 a clearinghouse sends instead) into an {@link EligibilityAnswer}. */
public final class Response271 {

    private static final Set<String> ACTIVE = Set.of("1", "2", "3", "4", "5");
    private static final Set<String> INACTIVE = Set.of("6", "7", "8");

    private Response271() {
    }

    public static EligibilityAnswer read(String x12) {
        X12Reader.Interchange interchange = X12Reader.read(x12);
        List<EligibilityAnswer.Rejection> rejections = new ArrayList<>();
        for (Segment ta1 : interchange.all("TA1")) {
            if (!"A".equals(ta1.element(4))) {
                rejections.add(new EligibilityAnswer.Rejection("TA1", ta1.element(5), ""));
            }
        }
        if (interchange.all("ST").stream().anyMatch(st -> st.element(1).equals("999"))) {
            interchange.all("AK9").stream().filter(ak9 -> !"A".equals(ak9.element(1))).findFirst()
                    .ifPresent(ak9 -> rejections.add(new EligibilityAnswer.Rejection("999", ak9.element(1), "")));
        }
        if (!rejections.isEmpty() || !interchange.valid()) {
            if (rejections.isEmpty()) {
                rejections.add(new EligibilityAnswer.Rejection("X12", "ENVELOPE", ""));
            }
            return new EligibilityAnswer(EligibilityAnswer.Outcome.INTERCHANGE_REJECTED, "", List.of(), rejections);
        }
        String trace = "";
        String level = "";
        List<EligibilityAnswer.Benefit> benefits = new ArrayList<>();
        for (Segment segment : interchange.segments()) {
            switch (segment.tag()) {
                case "HL" -> level = segment.element(3);
                case "TRN" -> trace = trace.isEmpty() && "2".equals(segment.element(1)) ? segment.element(2) : trace;
                case "AAA" -> rejections.add(new EligibilityAnswer.Rejection(loop(level),
                        segment.element(3), segment.element(4)));
                case "EB" -> benefits.add(benefit(segment));
                default -> {
                    // DMG, DTP, MSG, REF …: not needed to decide coverage, copay or deductible
                }
            }
        }
        EligibilityAnswer.Outcome outcome;
        if (!rejections.isEmpty()) {
            outcome = EligibilityAnswer.Outcome.REJECTED;
        } else if (benefits.stream().anyMatch(b -> ACTIVE.contains(b.code()))) {
            outcome = EligibilityAnswer.Outcome.ACTIVE;
        } else if (benefits.stream().anyMatch(b -> INACTIVE.contains(b.code()))) {
            outcome = EligibilityAnswer.Outcome.INACTIVE;
        } else {
            outcome = EligibilityAnswer.Outcome.REJECTED;
            rejections.add(new EligibilityAnswer.Rejection("271", "NO-COVERAGE-STATUS", ""));
        }
        return new EligibilityAnswer(outcome, trace, benefits, rejections);
    }

    private static String loop(String level) {
        return switch (level) {
            case "20" -> "2100A";
            case "21" -> "2100B";
            case "23" -> "2100D";
            default -> "2100C";
        };
    }

    private static EligibilityAnswer.Benefit benefit(Segment eb) {
        Optional<BigDecimal> amount = eb.element(7).isEmpty() ? Optional.empty()
                : Optional.of(new BigDecimal(eb.element(7)));
        Optional<Boolean> inNetwork = switch (eb.element(12)) {
            case "Y" -> Optional.of(true);
            case "N" -> Optional.of(false);
            default -> Optional.empty();
        };
        return new EligibilityAnswer.Benefit(eb.element(1), eb.element(3), eb.element(4), eb.element(5),
                eb.element(6), amount, inNetwork);
    }
}
