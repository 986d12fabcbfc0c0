package health.salus.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.support.FhirApiTest;
import health.salus.support.FhirHttp;
import java.util.Map;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/**
 * Every client mistake gets a clear status and an OperationOutcome, never a 500, and error messages
 * never repeat the values a client sent (they may identify a patient).
 */
class ErrorHandlingTest extends FhirApiTest {

    /** A synthetic name that must never come back in an error message. */
    private static final String NAME = "Wilhelmina";

    private static String patientJson() {
        Patient patient = new Patient();
        patient.addName().setFamily(unique());
        return json(patient);
    }

    private static void assertNoEcho(OperationOutcome outcome, String... values) {
        for (String value : values) {
            assertThat(diagnostics(outcome)).doesNotContainIgnoringCase(value);
        }
    }

    @Test
    void unknownSearchParameterIs400() {
        OperationOutcome outcome = outcome(http.get("/Patient?shoe-size=44"), 400);
        assertThat(diagnostics(outcome)).contains("shoe-size");
    }

    @Test
    void unreadableHistoryParameterIs400NamingAParameterNotTheBody() {
        OperationOutcome outcome = outcome(http.get("/Patient/_history?_since=" + NAME), 400);
        assertThat(diagnostics(outcome)).contains("parameter").doesNotContain("request body");
        assertNoEcho(outcome, NAME);
    }

    @Test
    void unsupportedSearchFeaturesAre400() {
        outcome(http.get("/Patient?_has=Observation:subject:code=1234"), 400);
        outcome(http.get("/Patient?birthdate:exact=1980"), 400);
        outcome(http.get("/Patient?family:not=x"), 400);
        outcome(http.get("/Patient?_sort=shoe-size"), 400);
        outcome(http.get("/Patient?_include=Patient:shoe-size"), 400);
        outcome(http.get("/Patient?_total=maybe"), 400);
        outcome(http.get("/Patient?name.family=x"), 400);
    }

    @Test
    void invalidDateNumberAndQuantityValuesAre400WithoutEchoingThem() {
        assertNoEcho(outcome(http.get("/Patient?birthdate=" + NAME), 400), NAME);
        assertNoEcho(outcome(http.get("/Patient?birthdate=gt" + NAME), 400), NAME);
        assertNoEcho(outcome(http.get("/Patient?birthdate=1980-13-45"), 400), "1980-13-45");
        assertNoEcho(outcome(http.get("/Observation?date=" + NAME), 400), NAME);
        assertNoEcho(outcome(http.get("/Patient?_lastUpdated=" + NAME), 400), NAME);
        assertNoEcho(outcome(http.get("/RiskAssessment?probability=" + NAME), 400), NAME);
        assertNoEcho(outcome(http.get("/Observation?value-quantity=" + NAME), 400), NAME);
        assertNoEcho(outcome(http.get("/Observation?value-quantity=" + FhirHttp.q("5|a|b|c")), 400), "5|a");
    }

    @Test
    void badCountAndOffsetAre400() {
        outcome(http.get("/Patient?_count=abc"), 400);
        outcome(http.get("/Patient?_count=-1"), 400);
        outcome(http.get("/Patient?_offset=abc"), 400);
        outcome(http.get("/Patient/_history?_count=abc"), 400);
    }

    @Test
    void malformedJsonIs400WithoutEchoingTheContent() {
        String body = "{\"resourceType\":\"Patient\",\"name\":[{\"family\": " + NAME + "}]}";
        assertNoEcho(outcome(http.post("/Patient", body), 400), NAME);
        outcome(http.post("/Patient", "{\"resourceType\":\"Patient\","), 400);
        outcome(http.post("/Patient", "not json at all"), 400);
    }

    @Test
    void malformedXmlIs400() {
        String body = "<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"" + NAME + "\"/></name>";
        assertNoEcho(outcome(send("POST", "/Patient", body, Map.of("Content-Type", XML, "Accept",
                FhirHttp.FHIR_JSON)), 400), NAME);
    }

    @Test
    void invalidValuesInABodyAre400WithoutEchoingThem() {
        String badDate = "{\"resourceType\":\"Patient\",\"birthDate\":\"" + NAME + "\"}";
        assertNoEcho(outcome(http.post("/Patient", badDate), 400), NAME);
        String badCode = "{\"resourceType\":\"Patient\",\"gender\":\"" + NAME + "\"}";
        assertNoEcho(outcome(http.post("/Patient", badCode), 400), NAME);
        String wrongType = "{\"resourceType\":\"Patient\",\"active\":\"" + NAME + "\"}";
        assertNoEcho(outcome(http.post("/Patient", wrongType), 400), NAME);
    }

    @Test
    void unknownElementIs400() {
        OperationOutcome outcome = outcome(http.post("/Patient",
                "{\"resourceType\":\"Patient\",\"shoeSize\":44}"), 400);
        assertThat(diagnostics(outcome)).contains("shoeSize");
    }

    @Test
    void resourceTypeInTheBodyMustMatchTheUrl() {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL).getCode().setText("x");
        outcome(http.post("/Patient", json(observation)), 400);

        Patient patient = create(parse(patientJson(), Patient.class));
        observation.setId(patient.getIdElement().getIdPart());
        outcome(http.put("/Patient/" + patient.getIdElement().getIdPart(), json(observation), Map.of()), 400);
    }

    @Test
    void unknownResourceTypeIs404() {
        outcome(http.get("/Spaceship/1"), 404);
        outcome(http.get("/Spaceship?name=x"), 404);
        outcome(http.post("/Spaceship", "{\"resourceType\":\"Spaceship\"}"), 404);
    }

    @Test
    void missingResourceIs404() {
        outcome(http.get("/Patient/" + unique()), 404);
        outcome(http.get("/Patient/" + unique() + "/_history/1"), 404);
        outcome(http.delete("/Patient/" + unique()), 404);
        outcome(http.patch("/Patient/" + unique(), "[]", Map.of()), 404);
        outcome(http.get("/Patient/" + unique() + "/$everything"), 404);
    }

    @Test
    void updateMustCarryTheIdOfTheUrl() {
        Patient patient = create(parse(patientJson(), Patient.class));
        String id = patient.getIdElement().getIdPart();

        patient.setId("someone-else");
        outcome(http.put("/Patient/" + id, json(patient), Map.of()), 400);

        patient.setId((String) null);
        outcome(http.put("/Patient/" + id, json(patient), Map.of()), 400);

        assertThat(read(Patient.class, id).getMeta().getVersionId()).isEqualTo("1");
    }

    @Test
    void aConditionThatRestrictsNothingIs400AndChangesNothing() {
        String id = create(parse(patientJson(), Patient.class)).getIdElement().getIdPart();

        outcome(http.delete("/Patient?identifier="), 400);
        outcome(http.delete("/Patient?_count=1"), 400);
        outcome(http.post("/Patient", patientJson(), Map.of("If-None-Exist", "identifier=")), 400);
        outcome(http.post("/Patient", patientJson(), Map.of("If-None-Exist", "identifier=x%zz")), 400);

        expect(http.get("/Patient/" + id), 200);
    }

    @Test
    void aPatchWithoutAnIdIs400() {
        outcome(http.patch("/Patient", "[]", Map.of()), 400);
    }

    @Test
    void anIdThatIsNotAFhirIdIs400() {
        String tooLong = "a".repeat(65);
        Patient patient = new Patient();
        patient.setId(tooLong);
        outcome(http.put("/Patient/" + tooLong, json(patient), Map.of()), 400);
    }

    @Test
    void aDeleteWithoutAnIdOrConditionIs400() {
        outcome(http.delete("/Patient"), 400);
    }

    @Test
    void badIfMatchAndVersionIdsAre400() {
        Patient patient = create(parse(patientJson(), Patient.class));
        String id = patient.getIdElement().getIdPart();

        outcome(http.put("/Patient/" + id, json(patient), Map.of("If-Match", "yesterday")), 400);
        outcome(http.get("/Patient/" + id + "/_history/latest"), 400);
    }

    @Test
    void aResourceThatBreaksTheR4ProfileIs422() {
        Observation noStatus = new Observation();
        noStatus.getCode().setText("no status");

        OperationOutcome outcome = outcome(http.post("/Observation", json(noStatus)), 422);

        assertThat(diagnostics(outcome)).contains("Observation.status");
    }

    @Test
    void invalidPatchDocumentsAreRefused() {
        String id = create(parse(patientJson(), Patient.class)).getIdElement().getIdPart();

        outcome(http.patch("/Patient/" + id, "{\"op\":\"add\"}", Map.of()), 400);
        outcome(http.patch("/Patient/" + id, "[{\"op\":\"replace\",\"path\":\"/id\",\"value\":\"other\"}]",
                Map.of()), 400);
        outcome(http.patch("/Patient/" + id, "[{\"op\":\"add\",\"path\":\"/gender\",\"value\":\"" + NAME + "\"}]",
                Map.of()), 422);
        assertThat(read(Patient.class, id).getMeta().getVersionId()).isEqualTo("1");
    }

    @Test
    void requestBodiesOverTenMebibytesAre413() {
        StringBuilder body = new StringBuilder(10 * 1024 * 1024 + 64);
        body.append("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"");
        while (body.length() < 10 * 1024 * 1024 + 1) {
            body.append("x");
        }
        body.append("\"}]}");

        outcome(http.post("/Patient", body.toString()), 413);
    }
}
