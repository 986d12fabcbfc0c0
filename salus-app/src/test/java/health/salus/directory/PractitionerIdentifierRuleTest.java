package health.salus.directory;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.support.FhirApiTest;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.Test;

/** The store refuses a Practitioner whose NPI or DEA number is malformed, and accepts well-formed ones. */
class PractitionerIdentifierRuleTest extends FhirApiTest {

    @Test
    void aPractitionerWithABadNpiIsRefusedWith422NamingTheIdentifier() {
        String family = "Brown" + unique();
        HttpResponse<String> refused = http.post("/Practitioner", json(practitioner(family, "1234567890", null)));
        expect(refused, 422);
        OperationOutcome outcome = parse(refused.body(), OperationOutcome.class);
        assertThat(outcome.getIssue()).singleElement().satisfies(issue -> {
            assertThat(issue.getExpression().get(0).getValue()).isEqualTo("Practitioner.identifier[0].value");
            assertThat(issue.getDiagnostics()).contains("NPI");
        });
        assertThat(parse(expect(http.get("/Practitioner?family=" + family), 200).body(), Bundle.class).getEntry())
                .as("nothing stored").isEmpty();
    }

    @Test
    void aPractitionerWithAValidNpiAndDeaNumberIsStoredButABadDeaChecksumIsNot() {
        expect(http.post("/Practitioner", json(practitioner("Brown" + unique(), "1234567893", "AB1234563"))), 201);
        HttpResponse<String> refused = http.post("/Practitioner", json(practitioner("Brown" + unique(), "1234567893", "AB1234564")));
        expect(refused, 422);
        assertThat(parse(refused.body(), OperationOutcome.class).getIssue()).singleElement().satisfies(issue ->
                assertThat(issue.getExpression().get(0).getValue()).isEqualTo("Practitioner.identifier[1].value"));
    }

    private static Practitioner practitioner(String family, String npi, String dea) {
        Practitioner practitioner = new Practitioner();
        practitioner.addName().setFamily(family).addGiven("Ada");
        practitioner.addIdentifier().setSystem(NationalProviderIdentifier.SYSTEM).setValue(npi);
        if (dea != null) {
            practitioner.addIdentifier().setSystem(DeaNumber.SYSTEM).setValue(dea);
        }
        return practitioner;
    }
}
