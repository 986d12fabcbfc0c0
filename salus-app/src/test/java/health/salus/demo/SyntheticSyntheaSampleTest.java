package health.salus.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * The hand-made Synthea-shaped samples must stay loadable: strict parsing, transaction
 * semantics, and conditional references that the infrastructure bundles can satisfy.
 */
class SyntheticSyntheaSampleTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Test
    void samplesParseStrictlyAsTransactions() throws IOException {
        for (String file : List.of("synthea-sample.json", "synthea-practitioners.json", "synthea-hospitals.json")) {
            Bundle bundle = load(file);
            assertThat(bundle.getType()).as(file).isEqualTo(Bundle.BundleType.TRANSACTION);
            assertThat(bundle.getEntry()).as(file).isNotEmpty().allSatisfy(entry -> {
                assertThat(entry.getFullUrl()).startsWith("urn:uuid:");
                assertThat(entry.getRequest().getMethod()).isEqualTo(HTTPVerb.POST);
                assertThat(entry.getRequest().getUrl()).isEqualTo(entry.getResource().fhirType());
            });
        }
        Set<String> types = load("synthea-sample.json").getEntry().stream()
                .map(e -> e.getResource().fhirType()).collect(Collectors.toSet());
        assertThat(types).contains("Patient", "Encounter", "Condition", "Observation", "Claim",
                "ExplanationOfBenefit", "Immunization", "MedicationRequest", "CarePlan", "Procedure",
                "DiagnosticReport", "Provenance");
        assertThat(load("synthea-sample.json").getEntry()).hasSizeBetween(30, 60);
    }

    @Test
    void conditionalReferencesMatchTheInfrastructureBundles() throws IOException {
        Set<String> creatable = List.of("synthea-practitioners.json", "synthea-hospitals.json").stream()
                .flatMap(file -> loadUnchecked(file).getEntry().stream())
                .filter(entry -> entry.getRequest().hasIfNoneExist())
                .map(entry -> entry.getResource().fhirType() + "?" + entry.getRequest().getIfNoneExist())
                .collect(Collectors.toSet());
        assertThat(creatable).contains("Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|9999912345");

        for (String file : List.of("synthea-sample.json", "synthea-practitioners.json", "synthea-hospitals.json")) {
            Bundle bundle = load(file);
            Set<String> fullUrls = bundle.getEntry().stream().map(BundleEntryComponent::getFullUrl)
                    .collect(Collectors.toSet());
            for (BundleEntryComponent entry : bundle.getEntry()) {
                for (Reference reference : SyntheticClinicTest.references(entry.getResource())) {
                    String target = reference.getReference();
                    if (target.startsWith("#")) {
                        assertThat(entry.getResource().getNamedProperty("contained").getValues())
                                .anySatisfy(c -> assertThat(c.getIdBase()).isIn(target, target.substring(1)));
                    } else if (target.contains("?")) {
                        assertThat(creatable).as("%s in %s", target, file).contains(target);
                    } else {
                        assertThat(fullUrls).as("%s in %s", target, file).contains(target);
                    }
                }
            }
        }
    }

    private static Bundle loadUnchecked(String file) {
        try {
            return load(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Bundle load(String file) throws IOException {
        IParser parser = FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        try (InputStream in = SyntheticSyntheaSampleTest.class.getResourceAsStream("/synthea/" + file)) {
            assertThat(in).as(file).isNotNull();
            return parser.parseResource(Bundle.class, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
