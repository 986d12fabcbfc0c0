package health.salus.patients.eligibility.x12;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What a 270 asks: is this subscriber (or their dependent, the patient) covered by this payer for
 * health benefit plan coverage (service type 30) on this date. Carries PHI: never log it.
 *
 * @param traceNumber ours (TRN02), echoed in the 271 so an answer finds its inquiry
 */
public record EligibilityInquiry(String traceNumber, String payerName, String payerId, String providerName,
        String providerNpi, Member subscriber, String memberId, Optional<Member> dependent, LocalDate serviceDate) {

    /** A person as the payer knows them; gender is F, M or U. */
    public record Member(String lastName, String firstName, Optional<LocalDate> birthDate, String gender) {
    }
}
