package health.salus.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every generated resource must be valid base R4. Without a terminology server SNOMED, LOINC,
 * RxNorm, ICD-10-CM and CVX codes cannot be checked, so only ERROR/FATAL messages fail the test.
 */
class SyntheticClinicValidationTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static FhirValidator validator;

    private static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 11, 1);

    private final SyntheticClinic clinic = new SyntheticClinic(7L, REFERENCE_DATE);

    @BeforeAll
    static void createValidator() {
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(FHIR),
                new InMemoryTerminologyServerValidationSupport(FHIR),
                new CommonCodeSystemsTerminologyService(FHIR),
                new SnapshotGeneratingValidationSupport(FHIR));
        validator = FHIR.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    }

    @Test
    void directoryResourcesAreValidR4() {
        assertThat(errors(clinic.directoryBundle())).isEmpty();
    }

    @Test
    void patientResourcesAreValidR4() {
        // One infant or toddler, one working-age adult and one older adult, so that well-child
        // visits and childhood vaccines as well as chronic-care labs and prescriptions are covered.
        List<Predicate<Integer>> ageGroups = List.of(age -> age < 3, age -> age >= 30 && age < 60, age -> age >= 65);
        List<Bundle> candidates = clinic.patientBundles(80).toList();
        for (Predicate<Integer> group : ageGroups) {
            Bundle patient = candidates.stream().filter(b -> group.test(age(b))).findFirst().orElseThrow();
            assertThat(errors(patient)).as("patient aged %d", age(patient)).isEmpty();
        }
    }

    private static int age(Bundle bundle) {
        Patient patient = (Patient) bundle.getEntryFirstRep().getResource();
        return Period.between(LocalDate.parse(patient.getBirthDateElement().getValueAsString()), REFERENCE_DATE)
                .getYears();
    }

    private static List<String> errors(Bundle bundle) {
        List<String> errors = new ArrayList<>();
        for (BundleEntryComponent entry : bundle.getEntry()) {
            for (SingleValidationMessage message : validator.validateWithResult(entry.getResource()).getMessages()) {
                boolean error = message.getSeverity() == ResultSeverityEnum.ERROR
                        || message.getSeverity() == ResultSeverityEnum.FATAL;
                if (error) {
                    errors.add(entry.getResource().fhirType() + " " + message.getLocationString() + ": "
                            + message.getMessage());
                }
            }
        }
        return errors;
    }
}
