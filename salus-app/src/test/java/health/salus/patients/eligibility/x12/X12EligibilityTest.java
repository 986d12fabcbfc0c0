package health.salus.patients.eligibility.x12;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** 270s we build are valid X12 in the 279A1 shape; 271s of every kind read into the right answer. */
class X12EligibilityTest {

    private static final Envelope ENVELOPE = new Envelope("SALUSCLINIC", "CLEARINGHOUSE", 1234,
            LocalDateTime.of(2026, 12, 2, 14, 5), "T", "HS");
    private static final EligibilityInquiry.Member JANE = new EligibilityInquiry.Member("Doe", "Jane",
            Optional.of(LocalDate.of(1980, 4, 1)), "F");
    private static final EligibilityInquiry.Member TIM = new EligibilityInquiry.Member("Doe", "Tim",
            Optional.of(LocalDate.of(2015, 9, 30)), "M");

    static EligibilityInquiry inquiry(String memberId, Optional<EligibilityInquiry.Member> dependent) {
        return new EligibilityInquiry("ABC123", "Acme Health Plan", "60054", "Salus Community Clinic", "1234567893",
                JANE, memberId, dependent, LocalDate.of(2026, 12, 2));
    }

    @Test
    void aSubscriberInquiryIsA279A1TransactionInAValidEnvelope() {
        String x12 = Inquiry270.write(ENVELOPE, inquiry("W123456780", Optional.empty()));
        X12Reader.Interchange read = X12Reader.read(x12);

        assertThat(read.errors()).as("StAEDI found no envelope errors").isEmpty();
        assertThat(read.segments()).extracting(Segment::tag).containsExactly("ISA", "GS", "ST", "BHT", "HL", "NM1",
                "HL", "NM1", "HL", "TRN", "NM1", "DMG", "DTP", "EQ", "SE", "GE", "IEA");
        Segment isa = read.all("ISA").get(0);
        assertThat(isa.element(6)).isEqualTo("SALUSCLINIC    ").hasSize(15);
        assertThat(isa.element(12)).isEqualTo("00501");
        assertThat(isa.element(13)).isEqualTo("000001234");
        assertThat(read.all("IEA").get(0).element(2)).isEqualTo("000001234");
        assertThat(read.all("GS").get(0).element(1)).isEqualTo("HS");
        assertThat(read.all("GS").get(0).element(8)).isEqualTo("005010X279A1");
        assertThat(read.all("ST").get(0).element(3)).isEqualTo("005010X279A1");
        assertThat(read.all("SE").get(0).element(1)).as("ST through SE").isEqualTo("13");
        assertThat(read.all("HL")).extracting(s -> s.element(3)).containsExactly("20", "21", "22");
        assertThat(read.all("HL").get(2).element(4)).as("no dependent below").isEqualTo("0");
        assertThat(read.all("NM1")).extracting(s -> s.element(1) + "/" + s.element(8) + "/" + s.element(9))
                .containsExactly("PR/PI/60054", "1P/XX/1234567893", "IL/MI/W123456780");
        assertThat(read.all("NM1").get(2).element(3)).isEqualTo("DOE");
        assertThat(read.all("DMG").get(0).element(2)).isEqualTo("19800401");
        assertThat(read.all("DMG").get(0).element(3)).isEqualTo("F");
        assertThat(read.all("EQ").get(0).element(1)).isEqualTo("30");
    }

    @Test
    void aDependentInquiryAddsLoop2000DUnderTheSubscriber() {
        String x12 = Inquiry270.write(ENVELOPE, inquiry("W123456780", Optional.of(TIM)));
        X12Reader.Interchange read = X12Reader.read(x12);

        assertThat(read.errors()).isEmpty();
        assertThat(read.all("HL")).extracting(s -> s.element(1) + ">" + s.element(2) + ":" + s.element(3) + ":"
                + s.element(4)).containsExactly("1>:20:1", "2>1:21:1", "3>2:22:1", "4>3:23:0");
        assertThat(read.all("NM1")).extracting(s -> s.element(1)).containsExactly("PR", "1P", "IL", "03");
        assertThat(read.all("DMG")).extracting(s -> s.element(2)).containsExactly("19800401", "20150930");
        assertThat(read.all("TRN")).singleElement().satisfies(trn -> assertThat(trn.element(2)).isEqualTo("ABC123"));
    }

    @Test
    void aBrokenControlNumberIsAnEnvelopeError() {
        String x12 = Inquiry270.write(ENVELOPE, inquiry("W123456780", Optional.empty()))
                .replace("IEA*1*000001234", "IEA*1*000009999");
        assertThat(X12Reader.read(x12).valid()).isFalse();
        assertThat(Response271.read(x12).outcome()).isEqualTo(EligibilityAnswer.Outcome.INTERCHANGE_REJECTED);
    }

    @Test
    void anActive271CarriesThePlanTheCopayAndTheDeductible() {
        EligibilityAnswer answer = Response271.read(answer271(List.of(
                Segment.of("EB", "1", "IND", "30", "PR", "ACME GOLD PPO 1500"),
                Segment.of("EB", "B", "IND", "98", "PR", "ACME GOLD PPO 1500", "27", "25", "", "", "", "", "Y"),
                Segment.of("EB", "B", "IND", "98", "PR", "ACME GOLD PPO 1500", "27", "60", "", "", "", "", "N"),
                Segment.of("EB", "C", "IND", "30", "PR", "", "23", "1500", "", "", "", "", "Y"),
                Segment.of("EB", "C", "IND", "30", "PR", "", "29", "850", "", "", "", "", "Y"))));

        assertThat(answer.outcome()).isEqualTo(EligibilityAnswer.Outcome.ACTIVE);
        assertThat(answer.traceNumber()).isEqualTo("ABC123");
        assertThat(answer.planName()).contains("ACME GOLD PPO 1500");
        assertThat(answer.copay().flatMap(EligibilityAnswer.Benefit::amount)).as("in network")
                .contains(new BigDecimal("25"));
        assertThat(answer.deductible().flatMap(EligibilityAnswer.Benefit::amount)).contains(new BigDecimal("1500"));
        assertThat(answer.deductibleRemaining().flatMap(EligibilityAnswer.Benefit::amount))
                .contains(new BigDecimal("850"));
        assertThat(answer.retryable()).isFalse();
    }

    @Test
    void inactiveNotFoundAndUnableToRespondAreToldApart() {
        EligibilityAnswer inactive = Response271.read(answer271(List.of(Segment.of("EB", "6", "", "30"))));
        assertThat(inactive.outcome()).isEqualTo(EligibilityAnswer.Outcome.INACTIVE);

        EligibilityAnswer notFound = Response271.read(answer271(List.of(Segment.of("AAA", "N", "", "75", "C"))));
        assertThat(notFound.outcome()).isEqualTo(EligibilityAnswer.Outcome.REJECTED);
        assertThat(notFound.memberNotFound()).isTrue();
        assertThat(notFound.retryable()).isFalse();
        assertThat(notFound.rejectionCode()).contains("AAA-75");

        EligibilityAnswer invalidId = Response271.read(answer271(List.of(Segment.of("AAA", "N", "", "72", "C"))));
        assertThat(invalidId.memberNotFound()).isTrue();

        EligibilityAnswer busy = Response271.read(answer271(List.of(Segment.of("AAA", "Y", "", "42", "R"))));
        assertThat(busy.retryable()).isTrue();
        assertThat(busy.rejectionCode()).contains("AAA-42");
    }

    /** A 271 for the subscriber of {@link #inquiry}, with {@code member} in loop 2000C after NM1*IL. */
    static String answer271(List<Segment> member) {
        List<Segment> body = new java.util.ArrayList<>(List.of(
                Segment.of("BHT", "0022", "11", "ABC123", "20261202", "1405"),
                Segment.of("HL", "1", "", "20", "1"),
                Segment.of("NM1", "PR", "2", "ACME HEALTH PLAN", "", "", "", "", "PI", "60054"),
                Segment.of("HL", "2", "1", "21", "1"),
                Segment.of("NM1", "1P", "2", "SALUS COMMUNITY CLINIC", "", "", "", "", "XX", "1234567893"),
                Segment.of("HL", "3", "2", "22", "0"),
                Segment.of("TRN", "2", "ABC123", "9SIMCLRHSE"),
                Segment.of("NM1", "IL", "1", "DOE", "JANE", "", "", "", "MI", "W123456780")));
        body.addAll(member);
        return X12Writer.write(new Envelope("CLEARINGHOUSE", "SALUSCLINIC", 77, LocalDateTime.of(2026, 12, 2, 14, 6),
                "T", "HB"), "271", body);
    }
}
