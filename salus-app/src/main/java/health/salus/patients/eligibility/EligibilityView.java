package health.salus.patients.eligibility;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse.BenefitComponent;
import org.hl7.fhir.r4.model.Money;

/**
 * A patient's latest eligibility check as the front desk reads it: the status, when it will be tried
 * again, why it failed (a code, no patient data), and the plan, copay and deductible the payer reported.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EligibilityView(String checkId, String patientId, String coverageId, EligibilityStatus status, int attempts,
        Instant nextAttemptAt, String reasonCode, Instant requestedAt, Instant updatedAt, String requestId,
        String responseId, String plan, Amount copay, Amount deductible, Amount deductibleMet) {

    record Amount(BigDecimal value, String currency) {
        static Amount of(Money money) {
            return money == null || !money.hasValue() ? null : new Amount(money.getValue(), money.getCurrency());
        }
    }

    static EligibilityView of(EligibilityCheck check, CoverageEligibilityResponse response) {
        String plan = null;
        Amount copay = null;
        Amount deductible = null;
        Amount deductibleMet = null;
        if (response != null) {
            for (var insurance : response.getInsurance()) {
                plan = plan != null ? plan : insurance.getCoverage().getDisplay();
                for (var item : insurance.getItem()) {
                    for (BenefitComponent benefit : item.getBenefit()) {
                        String type = benefit.getType().getCodingFirstRep().getCode();
                        if ("copay".equals(type) && copay == null) {
                            copay = Amount.of(benefit.getAllowedMoney());
                        } else if ("deductible".equals(type) && deductible == null) {
                            deductible = Amount.of(benefit.getAllowedMoney());
                            deductibleMet = benefit.hasUsedMoney() ? Amount.of(benefit.getUsedMoney()) : null;
                        }
                    }
                }
            }
        }
        return new EligibilityView(check.id(), check.patientId(), check.coverageId(), check.status(), check.attempts(),
                check.nextAttemptAt().orElse(null), check.errorCode().orElse(null), check.requestedAt(),
                check.updatedAt(), check.requestId().orElse(null), check.responseId().orElse(null), plan, copay,
                deductible, deductibleMet);
    }
}
