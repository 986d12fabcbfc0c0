package health.salus.patients.eligibility.x12;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a 005010X279A1 270: information source (2000A, the payer), information receiver (2000B, the
 * clinic by NPI), subscriber (2000C) and, when the patient is not the subscriber, dependent (2000D),
 * asking for service type 30 on the service date.
 */
public final class Inquiry270 {

    static final DateTimeFormatter D8 = DateTimeFormatter.BASIC_ISO_DATE;
    /** TRN03: '9' and a 9-character id of the originating company (ours). */
    static final String ORIGINATOR = "9SALUSCLNC";

    private Inquiry270() {
    }

    public static String write(Envelope envelope, EligibilityInquiry inquiry) {
        List<Segment> body = new ArrayList<>();
        String time = envelope.at().format(DateTimeFormatter.ofPattern("HHmm"));
        body.add(Segment.of("BHT", "0022", "13", inquiry.traceNumber(), envelope.at().format(D8), time));
        body.add(Segment.of("HL", "1", "", "20", "1"));
        body.add(Segment.of("NM1", "PR", "2", upper(inquiry.payerName()), "", "", "", "", "PI", inquiry.payerId()));
        body.add(Segment.of("HL", "2", "1", "21", "1"));
        body.add(Segment.of("NM1", "1P", "2", upper(inquiry.providerName()), "", "", "", "", "XX",
                inquiry.providerNpi()));
        boolean dependent = inquiry.dependent().isPresent();
        body.add(Segment.of("HL", "3", "2", "22", dependent ? "1" : "0"));
        if (!dependent) {
            body.add(Segment.of("TRN", "1", inquiry.traceNumber(), ORIGINATOR));
        }
        body.add(name("IL", inquiry.subscriber(), inquiry.memberId()));
        demographics(body, inquiry.subscriber());
        if (dependent) {
            body.add(Segment.of("HL", "4", "3", "23", "0"));
            body.add(Segment.of("TRN", "1", inquiry.traceNumber(), ORIGINATOR));
            body.add(name("03", inquiry.dependent().get(), null));
            demographics(body, inquiry.dependent().get());
        }
        body.add(Segment.of("DTP", "291", "D8", inquiry.serviceDate().format(D8)));
        body.add(Segment.of("EQ", "30"));
        return X12Writer.write(envelope, "270", body);
    }

    private static Segment name(String entity, EligibilityInquiry.Member member, String memberId) {
        return memberId == null
                ? Segment.of("NM1", entity, "1", upper(member.lastName()), upper(member.firstName()))
                : Segment.of("NM1", entity, "1", upper(member.lastName()), upper(member.firstName()), "", "", "", "MI",
                        memberId);
    }

    private static void demographics(List<Segment> body, EligibilityInquiry.Member member) {
        member.birthDate().ifPresent(date -> body.add(Segment.of("DMG", "D8", date.format(D8), member.gender())));
    }

    /** X12's basic character set has no lower case in many payers' systems, nor our delimiters. */
    static String upper(String value) {
        return value == null ? "" : value.toUpperCase(java.util.Locale.ROOT).replaceAll("[*~:^]", " ").strip();
    }
}
