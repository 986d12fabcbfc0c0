package health.salus.patients.eligibility.clearinghouse;

import health.salus.patients.eligibility.x12.Envelope;
import health.salus.patients.eligibility.x12.Segment;
import health.salus.patients.eligibility.x12.X12Reader;
import health.salus.patients.eligibility.x12.X12Writer;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The payers behind the simulated clearinghouse. They answer a 270 by the last digit of the member id
 * (NM1*IL, MI), so a demo or a test picks the answer it needs:
 * <ul>
 * <li>1: inactive coverage (EB*6)</li>
 * <li>2: subscriber not found (AAA*N**75*C in 2100C)</li>
 * <li>3: payer unable to respond now (AAA*Y**42*R in 2100A) the first time a member id is asked, active after</li>
 * <li>8: HTTP 503 the first time a member id is asked, active after</li>
 * <li>9: HTTP 503 always</li>
 * <li>any other digit: active coverage with the payer's plan, an office-visit copay and a calendar-year
 * deductible, in network</li>
 * </ul>
 */
class SimulatedPayers {

    /** What to send back: an HTTP status and, with 200, the 271. */
    record Answer(int status, String body) {
    }

    private record Plan(String name, int copay, int deductible, int deductibleMet) {
    }

    private static final Map<String, Plan> PLANS = Map.of(
            "60054", new Plan("ACME GOLD PPO 1500", 25, 1500, 650),
            "00590", new Plan("BLUE STATE CHOICE PPO", 30, 2000, 1200),
            "00882", new Plan("MEDICARE PART B", 0, 257, 257),
            "77027", new Plan("STATE MEDICAID STANDARD", 3, 0, 0),
            "87726", new Plan("UNITY CARE HMO SILVER", 40, 3000, 400));
    private static final Plan OTHER_PLAN = new Plan("CHOICE PLUS PPO", 35, 2500, 0);
    private static final Set<Character> ACTIVE_AFTER_FIRST_REFUSAL = Set.of('3', '8');

    private final Set<String> askedOnce = ConcurrentHashMap.newKeySet();
    private final AtomicLong controlNumbers = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

    Answer answer(String x12) {
        X12Reader.Interchange inquiry;
        try {
            inquiry = X12Reader.read(x12);
        } catch (X12Reader.NotX12Exception e) {
            return new Answer(400, "");
        }
        Optional<Segment> subscriber = inquiry.all("NM1").stream().filter(s -> s.element(1).equals("IL")).findFirst();
        if (!inquiry.valid() || subscriber.isEmpty() || inquiry.all("ST").stream()
                .noneMatch(st -> st.element(1).equals("270"))) {
            return new Answer(400, "");
        }
        String memberId = subscriber.get().element(9);
        char rule = memberId.isEmpty() ? '0' : memberId.charAt(memberId.length() - 1);
        boolean firstAsk = askedOnce.add(memberId);
        if (rule == '9' || rule == '8' && firstAsk) {
            return new Answer(503, "");
        }
        return new Answer(200, respond(inquiry, rule == '3' && firstAsk ? 'R' : rule));
    }

    private String respond(X12Reader.Interchange inquiry, char rule) {
        Segment isa = inquiry.all("ISA").get(0);
        String payerId = nm1(inquiry, "PR").element(9);
        List<Segment> body = new ArrayList<>();
        LocalDateTime now = LocalDateTime.now();
        Segment bht = inquiry.all("BHT").get(0);
        body.add(Segment.of("BHT", "0022", "11", bht.element(3), bht.element(4), bht.element(5)));
        body.add(Segment.of("HL", "1", "", "20", "1"));
        body.add(nm1(inquiry, "PR"));
        if (rule == 'R') {
            body.add(Segment.of("AAA", "Y", "", "42", "R"));
            return X12Writer.write(envelope(isa, now), "271", body);
        }
        body.add(Segment.of("HL", "2", "1", "21", "1"));
        body.add(nm1(inquiry, "1P"));
        boolean dependent = inquiry.all("HL").size() > 3;
        body.add(Segment.of("HL", "3", "2", "22", dependent ? "1" : "0"));
        List<Segment> member = new ArrayList<>();
        inquiry.all("TRN").stream().findFirst().ifPresent(trn -> member.add(Segment.of("TRN", "2", trn.element(2),
                "9SIMCLRHSE")));
        if (dependent) {
            body.add(nm1(inquiry, "IL"));
            body.add(Segment.of("HL", "4", "3", "23", "0"));
            member.add(nm1(inquiry, "03"));
        } else {
            member.add(nm1(inquiry, "IL"));
        }
        if (rule == '2') {
            member.add(Segment.of("AAA", "N", "", "75", "C"));
        } else if (rule == '1') {
            member.add(Segment.of("EB", "6", "", "30"));
            member.add(Segment.of("MSG", "COVERAGE TERMINATED"));
        } else {
            Plan plan = PLANS.getOrDefault(payerId, OTHER_PLAN);
            int year = Year.now().getValue();
            member.add(Segment.of("DTP", "346", "D8", year + "0101"));
            member.add(Segment.of("EB", "1", "IND", "30", "PR", plan.name()));
            member.add(Segment.of("DTP", "291", "RD8", year + "0101-" + year + "1231"));
            member.add(Segment.of("EB", "B", "IND", "98", "PR", plan.name(), "27", Integer.toString(plan.copay()),
                    "", "", "", "", "Y"));
            member.add(Segment.of("MSG", "COPAY PER OFFICE VISIT"));
            member.add(Segment.of("EB", "C", "IND", "30", "PR", plan.name(), "23", Integer.toString(plan.deductible()),
                    "", "", "", "", "Y"));
            member.add(Segment.of("EB", "C", "IND", "30", "PR", plan.name(), "29",
                    Integer.toString(plan.deductible() - plan.deductibleMet()), "", "", "", "", "Y"));
        }
        body.addAll(member);
        return X12Writer.write(envelope(isa, now), "271", body);
    }

    private Envelope envelope(Segment isa, LocalDateTime now) {
        return new Envelope(isa.element(8).strip(), isa.element(6).strip(), controlNumbers.incrementAndGet(), now,
                isa.element(15), "HB");
    }

    private static Segment nm1(X12Reader.Interchange inquiry, String entity) {
        return inquiry.all("NM1").stream().filter(s -> s.element(1).equals(entity)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The 270 has no NM1*" + entity));
    }
}
