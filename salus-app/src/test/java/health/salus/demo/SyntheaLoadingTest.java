package health.salus.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import health.salus.support.FhirHttp;
import health.salus.support.SalusIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Synthea's output loads as it is: hospitals and practitioners first, then a patient's record. */
@SalusIntegrationTest
class SyntheaLoadingTest {

    @LocalServerPort
    int port;

    @Test
    void syntheaTransactionBundlesLoadUnchangedWithConditionalReferencesResolved() throws IOException {
        FhirHttp fhir = new FhirHttp(port);
        for (String file : new String[] {"synthea-hospitals.json", "synthea-practitioners.json"}) {
            var response = fhir.post("/", read(file));
            assertThat(response.statusCode()).as(file + ": " + response.body()).isEqualTo(200);
        }
        var patientResponse = fhir.post("/", read("synthea-sample.json"));
        assertThat(patientResponse.statusCode()).as(patientResponse.body()).isEqualTo(200);

        Bundle result = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, patientResponse.body());
        assertThat(result.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
        assertThat(result.getEntry()).allSatisfy(entry ->
                assertThat(entry.getResponse().getStatus()).startsWith("201"));

        String encounterLocation = result.getEntry().stream()
                .map(entry -> entry.getResponse().getLocation())
                .filter(location -> location.startsWith("Encounter/")).findFirst().orElseThrow();
        var encounterJson = fhir.get("/" + encounterLocation.substring(0, encounterLocation.indexOf("/_history")));
        Encounter encounter = FhirContext.forR4Cached().newJsonParser().parseResource(Encounter.class,
                encounterJson.body());
        // conditional and urn:uuid references now point at stored resources
        assertThat(encounter.getSubject().getReference()).startsWith("Patient/");
        assertThat(encounter.getServiceProvider().getReference()).startsWith("Organization/")
                .doesNotContain("?");
        assertThat(encounter.getParticipantFirstRep().getIndividual().getReference()).startsWith("Practitioner/")
                .doesNotContain("?");
        assertThat(fhir.get("/" + encounter.getServiceProvider().getReference()).statusCode()).isEqualTo(200);

        // loading the practitioners again matches them by NPI (ifNoneExist) instead of duplicating them
        var again = fhir.post("/", read("synthea-practitioners.json"));
        assertThat(again.statusCode()).isEqualTo(200);
        Bundle againResult = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, again.body());
        assertThat(againResult.getEntry()).filteredOn(entry -> entry.getResponse().getLocation()
                .startsWith("Practitioner/")).hasSize(3)
                .allSatisfy(entry -> assertThat(entry.getResponse().getStatus()).startsWith("200"));
        var byNpi = fhir.get("/Practitioner?identifier=" + FhirHttp.q("http://hl7.org/fhir/sid/us-npi|9999912345"));
        assertThat(FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, byNpi.body()).getTotal())
                .isEqualTo(1);
    }

    private static String read(String file) throws IOException {
        try (InputStream in = SyntheaLoadingTest.class.getResourceAsStream("/synthea/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
