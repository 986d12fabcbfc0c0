package health.salus.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import health.salus.support.FhirApiTest;
import health.salus.support.FhirHttp;
import java.net.http.HttpResponse;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/** Read, vread, create, update, patch and delete over HTTP, in JSON and XML. */
class CrudInteractionsTest extends FhirApiTest {

    private static Patient patient(String family) {
        Patient patient = new Patient();
        patient.addName().setFamily(family).addGiven("Alex");
        patient.setGender(AdministrativeGender.FEMALE);
        patient.setBirthDateElement(new DateType("1970-01-02"));
        return patient;
    }

    private static Patient withIdentifier(Patient patient, String system, String value) {
        patient.addIdentifier().setSystem(system).setValue(value);
        return patient;
    }

    @Test
    void createAnswers201WithLocationEtagAndTheStoredResource() {
        String family = unique();
        HttpResponse<String> response = expect(http.post("/Patient", json(patient(family))), 201);

        Patient created = parse(response.body(), Patient.class);
        String id = created.getIdElement().getIdPart();
        assertThat(id).isNotBlank();
        assertThat(created.getMeta().getVersionId()).isEqualTo("1");
        assertThat(created.getMeta().getLastUpdated()).isNotNull();
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .isEqualTo(http.base() + "/Patient/" + id + "/_history/1"));
        assertThat(response.headers().firstValue("ETag")).hasValue("W/\"1\"");
    }

    @Test
    void createIgnoresAClientSuppliedId() {
        Patient patient = patient(unique());
        patient.setId("client-chosen");
        Patient created = create(patient);
        assertThat(created.getIdElement().getIdPart()).isNotEqualTo("client-chosen");
    }

    @Test
    void readAndVreadReturnTheCurrentAndEarlierVersions() {
        Patient created = create(patient(unique()));
        String id = created.getIdElement().getIdPart();
        created.getNameFirstRep().setFamily(unique());
        expect(http.put("/Patient/" + id, json(created), Map.of()), 200);

        HttpResponse<String> current = expect(http.get("/Patient/" + id), 200);
        assertThat(current.headers().firstValue("ETag")).hasValue("W/\"2\"");
        assertThat(parse(current.body(), Patient.class).getMeta().getVersionId()).isEqualTo("2");

        Patient first = parse(expect(http.get("/Patient/" + id + "/_history/1"), 200).body(), Patient.class);
        assertThat(first.getMeta().getVersionId()).isEqualTo("1");
        assertThat(first.getNameFirstRep().getFamily()).isNotEqualTo(created.getNameFirstRep().getFamily());
        Patient second = parse(expect(http.get("/Patient/" + id + "/_history/2"), 200).body(), Patient.class);
        assertThat(second.getNameFirstRep().getFamily()).isEqualTo(created.getNameFirstRep().getFamily());

        outcome(http.get("/Patient/" + id + "/_history/3"), 404);
    }

    @Test
    void conditionalCreateWithAMatchReturnsTheExistingResourceAndMakesNoDuplicate() {
        String system = "urn:salus-test:" + unique();
        Patient existing = create(withIdentifier(patient(unique()), system, "A1"));
        String condition = "identifier=" + FhirHttp.q(system + "|A1");

        HttpResponse<String> response = expect(http.post("/Patient", json(withIdentifier(patient(unique()), system,
                "A1")), Map.of("If-None-Exist", condition)), 200);

        assertThat(parse(response.body(), Patient.class).getIdElement().getIdPart())
                .isEqualTo(existing.getIdElement().getIdPart());
        assertThat(search("Patient?" + condition).getTotal()).isEqualTo(1);
    }

    @Test
    void conditionalCreateAcceptsTheConditionWithItsResourceType() {
        String system = "urn:salus-test:" + unique();
        Patient existing = create(withIdentifier(patient(unique()), system, "A2"));

        HttpResponse<String> response = expect(http.post("/Patient", json(withIdentifier(patient(unique()), system,
                "A2")), Map.of("If-None-Exist", "Patient?identifier=" + FhirHttp.q(system + "|A2"))), 200);

        assertThat(parse(response.body(), Patient.class).getIdElement().getIdPart())
                .isEqualTo(existing.getIdElement().getIdPart());
    }

    @Test
    void conditionalDeleteRemovesTheSingleMatchAndRefusesAmbiguity() {
        String system = "urn:salus-test:" + unique();
        String single = create(withIdentifier(patient(unique()), system, "E1")).getIdElement().getIdPart();
        create(withIdentifier(patient(unique()), system, "E2"));
        create(withIdentifier(patient(unique()), system, "E2"));

        expect(http.delete("/Patient?identifier=" + FhirHttp.q(system + "|E1")), 200);
        outcome(http.delete("/Patient?identifier=" + FhirHttp.q(system + "|E2")), 412);

        outcome(http.get("/Patient/" + single), 410);
        assertThat(search("Patient?identifier=" + FhirHttp.q(system + "|E2")).getTotal()).isEqualTo(2);
    }

    @Test
    void conditionalCreateWithoutAMatchCreates() {
        String system = "urn:salus-test:" + unique();
        String condition = "identifier=" + FhirHttp.q(system + "|B1");
        expect(http.post("/Patient", json(withIdentifier(patient(unique()), system, "B1")),
                Map.of("If-None-Exist", condition)), 201);
        assertThat(search("Patient?" + condition).getTotal()).isEqualTo(1);
    }

    @Test
    void conditionalCreateMatchingTwoResourcesIsRefusedWith412() {
        String system = "urn:salus-test:" + unique();
        create(withIdentifier(patient(unique()), system, "dup"));
        create(withIdentifier(patient(unique()), system, "dup"));
        String condition = "identifier=" + FhirHttp.q(system + "|dup");

        outcome(http.post("/Patient", json(withIdentifier(patient(unique()), system, "dup")),
                Map.of("If-None-Exist", condition)), 412);
        assertThat(search("Patient?" + condition).getTotal()).isEqualTo(2);
    }

    @Test
    void updateStoresANewVersion() {
        Patient created = create(patient(unique()));
        String id = created.getIdElement().getIdPart();
        created.setGender(AdministrativeGender.MALE);

        HttpResponse<String> response = expect(http.put("/Patient/" + id, json(created), Map.of()), 200);

        assertThat(response.headers().firstValue("ETag")).hasValue("W/\"2\"");
        Patient updated = read(Patient.class, id);
        assertThat(updated.getGender()).isEqualTo(AdministrativeGender.MALE);
        assertThat(updated.getMeta().getVersionId()).isEqualTo("2");
    }

    @Test
    void updateOfAnUnknownIdCreatesTheResourceWithTheClientsId() {
        String id = "client-" + unique();
        Patient patient = patient(unique());
        patient.setId(id);

        HttpResponse<String> response = expect(http.put("/Patient/" + id, json(patient), Map.of()), 201);

        assertThat(parse(response.body(), Patient.class).getIdElement().getIdPart()).isEqualTo(id);
        assertThat(read(Patient.class, id).getMeta().getVersionId()).isEqualTo("1");
    }

    @Test
    void updateWithIfMatchSucceedsOnTheCurrentVersionAndFailsOnAStaleOne() {
        Patient created = create(patient(unique()));
        String id = created.getIdElement().getIdPart();

        created.setGender(AdministrativeGender.MALE);
        expect(http.put("/Patient/" + id, json(created), Map.of("If-Match", "W/\"1\"")), 200);

        created.setGender(AdministrativeGender.OTHER);
        outcome(http.put("/Patient/" + id, json(created), Map.of("If-Match", "W/\"1\"")), 412);

        Patient current = read(Patient.class, id);
        assertThat(current.getGender()).isEqualTo(AdministrativeGender.MALE);
        assertThat(current.getMeta().getVersionId()).isEqualTo("2");
    }

    @Test
    void conditionalUpdateUpdatesTheSingleMatch() {
        String system = "urn:salus-test:" + unique();
        Patient existing = create(withIdentifier(patient(unique()), system, "C1"));
        Patient replacement = withIdentifier(patient(unique()), system, "C1");
        replacement.setGender(AdministrativeGender.MALE);

        HttpResponse<String> response = expect(http.put("/Patient?identifier=" + FhirHttp.q(system + "|C1"),
                json(replacement), Map.of()), 200);

        Patient updated = parse(response.body(), Patient.class);
        assertThat(updated.getIdElement().getIdPart()).isEqualTo(existing.getIdElement().getIdPart());
        assertThat(updated.getMeta().getVersionId()).isEqualTo("2");
        assertThat(read(Patient.class, existing.getIdElement().getIdPart()).getGender())
                .isEqualTo(AdministrativeGender.MALE);
    }

    @Test
    void conditionalUpdateWithoutAMatchCreatesAndWithTwoMatchesIsRefused() {
        String system = "urn:salus-test:" + unique();
        String condition = "/Patient?identifier=" + FhirHttp.q(system + "|D1");
        expect(http.put(condition, json(withIdentifier(patient(unique()), system, "D1")), Map.of()), 201);
        assertThat(search(condition.substring(1)).getTotal()).isEqualTo(1);

        create(withIdentifier(patient(unique()), system, "D1"));
        outcome(http.put(condition, json(withIdentifier(patient(unique()), system, "D1")), Map.of()), 412);
        assertThat(search(condition.substring(1)).getTotal()).isEqualTo(2);
    }

    @Test
    void jsonPatchChangesTheResource() {
        Patient created = create(patient(unique()));
        String id = created.getIdElement().getIdPart();
        String family = created.getNameFirstRep().getFamily();
        String renamed = unique();

        HttpResponse<String> response = expect(http.patch("/Patient/" + id, "[{\"op\":\"test\",\"path\":"
                + "\"/name/0/family\",\"value\":\"" + family + "\"},{\"op\":\"replace\",\"path\":\"/name/0/family\","
                + "\"value\":\"" + renamed + "\"}]", Map.of()), 200);

        assertThat(parse(response.body(), Patient.class).getNameFirstRep().getFamily()).isEqualTo(renamed);
        Patient stored = read(Patient.class, id);
        assertThat(stored.getNameFirstRep().getFamily()).isEqualTo(renamed);
        assertThat(stored.getMeta().getVersionId()).isEqualTo("2");
    }

    @Test
    void jsonPatchWithAFailingTestOperationIs422AndChangesNothing() {
        Patient created = create(patient(unique()));
        String id = created.getIdElement().getIdPart();
        String family = created.getNameFirstRep().getFamily();

        outcome(http.patch("/Patient/" + id, "[{\"op\":\"test\",\"path\":\"/name/0/family\",\"value\":\"not-"
                + family + "\"},{\"op\":\"replace\",\"path\":\"/name/0/family\",\"value\":\"changed\"}]", Map.of()),
                422);

        Patient stored = read(Patient.class, id);
        assertThat(stored.getNameFirstRep().getFamily()).isEqualTo(family);
        assertThat(stored.getMeta().getVersionId()).isEqualTo("1");
    }

    @Test
    void deleteMakesReadsGoneButKeepsEarlierVersions() {
        Patient created = create(patient(unique()));
        String id = created.getIdElement().getIdPart();

        expect(http.delete("/Patient/" + id), 200);

        outcome(http.get("/Patient/" + id), 410);
        outcome(http.get("/Patient/" + id + "/_history/2"), 410);
        assertThat(read(Patient.class, id + "/_history/1").getMeta().getVersionId()).isEqualTo("1");
        assertThat(search("Patient?_id=" + id).getTotal()).isZero();
    }

    @Test
    void updateAfterDeleteRevivesTheResourceAsANewVersion() {
        Patient created = create(patient(unique()));
        String id = created.getIdElement().getIdPart();
        expect(http.delete("/Patient/" + id), 200);

        expect(http.put("/Patient/" + id, json(created), Map.of()), 201);

        assertThat(read(Patient.class, id).getMeta().getVersionId()).isEqualTo("3");
    }

    @Test
    void xmlIsAcceptedAndReturned() {
        String family = unique();
        String xml = "<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"" + family
                + "\"/></name><birthDate value=\"1990-03-04\"/></Patient>";

        HttpResponse<String> created = expect(send("POST", "/Patient", xml, Map.of("Content-Type", XML,
                "Accept", XML)), 201);
        assertThat(created.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith(XML));
        Patient parsed = FhirContext.forR4Cached().newXmlParser()
                .parseResource(Patient.class, created.body());
        String id = parsed.getIdElement().getIdPart();

        HttpResponse<String> read = expect(send("GET", "/Patient/" + id, null, Map.of("Accept", XML)), 200);
        assertThat(read.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith(XML));
        assertThat(read.body()).startsWith("<Patient xmlns=\"http://hl7.org/fhir\">")
                .contains("<family value=\"" + family + "\"/>");
        assertThat(read(Patient.class, id).getBirthDateElement().getValueAsString()).isEqualTo("1990-03-04");
    }

    @Test
    void summaryTrueLeavesOutNonSummaryElements() {
        Patient patient = patient(unique());
        patient.getText().setStatus(Narrative.NarrativeStatus.GENERATED)
                .setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">Synthetic</div>");
        patient.addContact().setName(new HumanName().setFamily("Synthetic"));
        String id = create(patient).getIdElement().getIdPart();

        Patient summary = parse(expect(http.get("/Patient/" + id + "?_summary=true"), 200).body(), Patient.class);

        assertThat(summary.hasName()).isTrue();
        assertThat(summary.hasBirthDate()).isTrue();
        assertThat(summary.hasContact()).isFalse();
        assertThat(summary.hasText()).isFalse();
        assertThat(summary.getMeta().getTag()).anyMatch(tag -> "SUBSETTED".equals(tag.getCode()));
    }

    @Test
    void elementsKeepsOnlyTheNamedElements() {
        String family = unique();
        String id = create(patient(family)).getIdElement().getIdPart();

        Patient read = parse(expect(http.get("/Patient/" + id + "?_elements=birthDate"), 200).body(),
                Patient.class);
        assertThat(read.hasBirthDate()).isTrue();
        assertThat(read.hasName()).isFalse();
        assertThat(read.hasGender()).isFalse();

        Bundle bundle = search("Patient?family=" + family + "&_elements=gender");
        Patient found = (Patient) bundle.getEntryFirstRep().getResource();
        assertThat(found.hasGender()).isTrue();
        assertThat(found.hasName()).isFalse();
    }
}
