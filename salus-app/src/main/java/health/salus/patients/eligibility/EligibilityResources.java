package health.salus.patients.eligibility;

import health.salus.fhir.ResourceStore;
import health.salus.patients.eligibility.x12.EligibilityAnswer;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest.EligibilityRequestPurpose;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse.BenefitComponent;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse.EligibilityResponsePurpose;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse.InsuranceComponent;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse.ItemsComponent;
import org.hl7.fhir.r4.model.Enumerations.RemittanceOutcome;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * The FHIR record of an eligibility check: the CoverageEligibilityRequest (what was asked, of which
 * payer, for which coverage) and the CoverageEligibilityResponse (in force or not, the plan, copay and
 * deductible as benefits, or the payer's rejection). Written through the store like any other resource,
 * as whoever acts: the person asking, or the system in the background job.
 */
@Component
class EligibilityResources {

    static final String SERVICE_TYPES = "https://x12.org/codes/service-type-codes";
    static final String REJECT_REASONS = "https://x12.org/codes/reject-reason-codes";
    private static final String BENEFIT_TYPE = "http://terminology.hl7.org/CodeSystem/benefit-type";
    private static final String NETWORK = "http://terminology.hl7.org/CodeSystem/benefit-network";
    private static final String UNIT = "http://terminology.hl7.org/CodeSystem/benefit-unit";
    private static final String TERM = "http://terminology.hl7.org/CodeSystem/benefit-term";

    private final ResourceStore store;
    private final Clock clock;

    EligibilityResources(ResourceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Records that eligibility of {@code coverageId} is being asked for; returns the request's id. */
    String request(String patientId, String coverageId, Reference insurer) {
        CoverageEligibilityRequest request = new CoverageEligibilityRequest();
        request.setStatus(CoverageEligibilityRequest.EligibilityRequestStatus.ACTIVE)
                .addPurpose(EligibilityRequestPurpose.VALIDATION)
                .addPurpose(EligibilityRequestPurpose.BENEFITS)
                .setPatient(new Reference("Patient/" + patientId))
                .setCreated(Date.from(clock.instant()))
                .setInsurer(insurer)
                .setServiced(new org.hl7.fhir.r4.model.DateType(Date.from(clock.instant())))
                .addInsurance().setFocal(true).setCoverage(new Reference("Coverage/" + coverageId));
        request.addItem().setCategory(serviceType("30", "Health Benefit Plan Coverage"));
        return store.create(request, Optional.empty()).resource().getIdElement().getIdPart();
    }

    /** Stores what the payer answered; returns the response's id. */
    String response(String patientId, String coverageId, String requestId, Reference insurer,
            EligibilityAnswer answer, String disposition) {
        CoverageEligibilityResponse response = base(patientId, requestId, insurer, disposition);
        boolean answered = answer.outcome() == EligibilityAnswer.Outcome.ACTIVE
                || answer.outcome() == EligibilityAnswer.Outcome.INACTIVE;
        response.setOutcome(answered ? RemittanceOutcome.COMPLETE : RemittanceOutcome.ERROR);
        if (answered) {
            InsuranceComponent insurance = response.addInsurance()
                    .setCoverage(new Reference("Coverage/" + coverageId).setDisplay(answer.planName().orElse(null)))
                    .setInforce(answer.outcome() == EligibilityAnswer.Outcome.ACTIVE);
            if (answer.outcome() == EligibilityAnswer.Outcome.ACTIVE) {
                ItemsComponent plan = insurance.addItem().setCategory(serviceType("30", "Health Benefit Plan Coverage"))
                        .setNetwork(concept(NETWORK, "in", "In Network"))
                        .setUnit(concept(UNIT, "individual", "Individual"))
                        .setTerm(concept(TERM, "annual", "Annual"));
                answer.planName().ifPresent(plan::setName);
                answer.deductible().flatMap(EligibilityAnswer.Benefit::amount).ifPresent(amount -> {
                    BenefitComponent deductible = plan.addBenefit()
                            .setType(concept(BENEFIT_TYPE, "deductible", "Deductible")).setAllowed(money(amount));
                    answer.deductibleRemaining().flatMap(EligibilityAnswer.Benefit::amount)
                            .ifPresent(left -> deductible.setUsed(money(amount.subtract(left).max(BigDecimal.ZERO))));
                });
                answer.copay().ifPresent(copay -> insurance.addItem()
                        .setCategory(serviceType(copay.serviceType(), "Professional (Physician) Visit - Office"))
                        .setNetwork(concept(NETWORK, "in", "In Network"))
                        .addBenefit().setType(concept(BENEFIT_TYPE, "copay", "Copayment per service"))
                        .setAllowed(money(copay.amount().orElseThrow())));
            }
        } else {
            answer.rejections().forEach(rejection -> response.addError().setCode(new CodeableConcept(
                    new Coding(REJECT_REASONS, rejection.reason(), null)).setText(rejection.loop())));
        }
        return store.create(response, Optional.empty()).resource().getIdElement().getIdPart();
    }

    /** Records that no answer came after every attempt: an error response with our reason code. */
    String noAnswer(String patientId, String requestId, Reference insurer, String code) {
        CoverageEligibilityResponse response = base(patientId, requestId, insurer,
                "No answer from the payer after every attempt (" + code + ")");
        response.setOutcome(RemittanceOutcome.ERROR);
        response.addError().setCode(new CodeableConcept().setText(code));
        return store.create(response, Optional.empty()).resource().getIdElement().getIdPart();
    }

    private CoverageEligibilityResponse base(String patientId, String requestId, Reference insurer,
            String disposition) {
        CoverageEligibilityResponse response = new CoverageEligibilityResponse();
        response.setStatus(CoverageEligibilityResponse.EligibilityResponseStatus.ACTIVE)
                .addPurpose(EligibilityResponsePurpose.VALIDATION)
                .addPurpose(EligibilityResponsePurpose.BENEFITS)
                .setPatient(new Reference("Patient/" + patientId))
                .setCreated(Date.from(clock.instant()))
                .setRequest(new Reference("CoverageEligibilityRequest/" + requestId))
                .setInsurer(insurer.copy())
                .setDisposition(disposition);
        return response;
    }

    private static CodeableConcept serviceType(String code, String display) {
        return concept(SERVICE_TYPES, code, display);
    }

    private static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept(new Coding(system, code, display)).setText(display);
    }

    private static Money money(BigDecimal amount) {
        return new Money().setValue(amount).setCurrency("USD");
    }
}
