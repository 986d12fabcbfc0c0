package health.salus.fhir.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Validates resources against the base R4 StructureDefinitions with HAPI's instance validator.
 * Building the validator takes seconds and holds the R4 definitions in memory, so it is built on the
 * first write, or in the background right after start-up when so configured. Terminology is checked
 * only for the code systems that ship with
 * HAPI; codes from SNOMED, LOINC and RxNorm cannot be checked without their releases.
 */
public class ProfileValidator implements ResourceValidator {

    private static final Logger log = LoggerFactory.getLogger(ProfileValidator.class);
    private final FhirContext fhirContext;
    private final boolean warmUp;
    private CompletableFuture<FhirValidator> validator;

    /**
     * @param warmUp build right after start-up (about 170 MB more heap while idle) rather than on the
     *               first write, which then waits some seconds
     */
    public ProfileValidator(FhirContext fhirContext, boolean warmUp) {
        this.fhirContext = fhirContext;
        this.warmUp = warmUp;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void warmUp() {
        if (warmUp) {
            validator();
        }
    }

    private synchronized CompletableFuture<FhirValidator> validator() {
        // a failed build is tried again on the next write instead of failing every write until restart
        if (validator == null || validator.isCompletedExceptionally()) {
            validator = CompletableFuture.supplyAsync(() -> build(fhirContext));
        }
        return validator;
    }

    private static FhirValidator build(FhirContext fhirContext) {
        long started = System.nanoTime();
        // the context's own default support: its StructureDefinitions are already loaded for FHIRPath
        ValidationSupportChain chain = new ValidationSupportChain(fhirContext.getValidationSupport(),
                new InMemoryTerminologyServerValidationSupport(fhirContext),
                new CommonCodeSystemsTerminologyService(fhirContext),
                new SnapshotGeneratingValidationSupport(fhirContext));
        FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
        instanceValidator.setAnyExtensionsAllowed(true);
        instanceValidator.setErrorForUnknownProfiles(false);
        instanceValidator.setNoTerminologyChecks(false);
        FhirValidator fhirValidator = fhirContext.newValidator().registerValidatorModule(instanceValidator);
        // the first validation builds snapshots and caches; do it now rather than on a user's request
        fhirValidator.validateWithResult(new org.hl7.fhir.r4.model.Patient().setActive(true));
        log.info("FHIR profile validator ready in {} ms", (System.nanoTime() - started) / 1_000_000);
        return fhirValidator;
    }

    @Override
    public void validate(Resource resource) {
        ValidationResult result = validator().join().validateWithResult(resource);
        List<SingleValidationMessage> errors = result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .filter(m -> !isUnverifiableTerminology(m))
                .toList();
        if (!errors.isEmpty()) {
            throw new UnprocessableEntityException(fhirContextOutcome(errors));
        }
    }

    /**
     * Codes of systems we have no release for (SNOMED, LOINC …), or only an old one, cannot be judged;
     * they are not errors.
     */
    private static boolean isUnverifiableTerminology(SingleValidationMessage message) {
        String text = message.getMessage() == null ? "" : message.getMessage();
        // R4 ships 2019 snapshots of the terminology.hl7.org code systems; codes added since then
        // (Synthea's provenance "transmitter", say) are current HL7 codes, not mistakes
        return text.startsWith("Unknown code 'http://terminology.hl7.org/CodeSystem/")
                || text.contains("Unknown code") && text.contains("http://snomed.info/sct")
                || text.contains("CodeSystem is unknown") || text.contains("unknown code system")
                || text.contains("A definition for CodeSystem");
    }

    private static OperationOutcome fhirContextOutcome(List<SingleValidationMessage> errors) {
        OperationOutcome outcome = new OperationOutcome();
        for (SingleValidationMessage error : errors) {
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                    .setCode(OperationOutcome.IssueType.PROCESSING)
                    .setDiagnostics(error.getMessage())
                    .addExpression(error.getLocationString());
        }
        return outcome;
    }
}
