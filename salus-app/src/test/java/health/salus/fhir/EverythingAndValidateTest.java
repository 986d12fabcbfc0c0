package health.salus.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.support.FhirApiTest;
import health.salus.support.FhirHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.Test;

/** {@code Patient/[id]/$everything} and {@code [type]/$validate}. */
class EverythingAndValidateTest extends FhirApiTest {

    private static Observation observation(String patientId) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL).getCode().setText("synthetic reading");
        observation.getSubject().setReference("Patient/" + patientId);
        return observation;
    }

    private static List<String> typedIds(Bundle bundle, Bundle.SearchEntryMode mode) {
        return bundle.getEntry().stream().filter(e -> mode == null || e.getSearch().getMode() == mode)
                .map(e -> e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart()).toList();
    }

    @Test
    void everythingReturnsThePatientTheirCompartmentAndReferencedPractitioners() {
        Practitioner gp = new Practitioner();
        gp.addName().setFamily(unique());
        String gpId = create(gp).getIdElement().getIdPart();
        Practitioner clinician = new Practitioner();
        clinician.addName().setFamily(unique());
        String clinicianId = create(clinician).getIdElement().getIdPart();
        Patient patient = new Patient();
        patient.addName().setFamily(unique());
        patient.addGeneralPractitioner().setReference("Practitioner/" + gpId);
        String patientId = create(patient).getIdElement().getIdPart();
        Encounter encounter = new Encounter();
        encounter.setStatus(Encounter.EncounterStatus.FINISHED).setClass_(new Coding()
                .setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode").setCode("AMB"));
        encounter.getSubject().setReference("Patient/" + patientId);
        encounter.addParticipant().getIndividual().setReference("Practitioner/" + clinicianId);
        String encounterId = create(encounter).getIdElement().getIdPart();
        String observationId = create(observation(patientId)).getIdElement().getIdPart();
        Patient stranger = new Patient();
        stranger.addName().setFamily(unique());
        String strangerObservation = create(observation(create(stranger).getIdElement().getIdPart()))
                .getIdElement().getIdPart();

        Bundle bundle = parse(expect(http.get("/Patient/" + patientId + "/$everything"), 200).body(), Bundle.class);

        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(typedIds(bundle, null).get(0)).isEqualTo("Patient/" + patientId);
        assertThat(typedIds(bundle, null)).containsExactlyInAnyOrder("Patient/" + patientId,
                "Encounter/" + encounterId, "Observation/" + observationId, "Practitioner/" + gpId,
                "Practitioner/" + clinicianId);
        assertThat(typedIds(bundle, Bundle.SearchEntryMode.INCLUDE)).containsExactlyInAnyOrder(
                "Practitioner/" + gpId, "Practitioner/" + clinicianId);
        assertThat(typedIds(bundle, null)).doesNotContain("Observation/" + strangerObservation);
        assertThat(bundle.getTotal()).isEqualTo(3);
    }

    @Test
    void everythingLeavesOutDeletedResources() {
        Patient patient = new Patient();
        patient.addName().setFamily(unique());
        String patientId = create(patient).getIdElement().getIdPart();
        String kept = create(observation(patientId)).getIdElement().getIdPart();
        String deleted = create(observation(patientId)).getIdElement().getIdPart();
        expect(http.delete("/Observation/" + deleted), 200);

        Bundle bundle = parse(expect(http.get("/Patient/" + patientId + "/$everything"), 200).body(), Bundle.class);

        assertThat(typedIds(bundle, null)).containsExactly("Patient/" + patientId, "Observation/" + kept);
    }

    @Test
    void everythingPagesThroughTheCompartment() {
        Patient patient = new Patient();
        patient.addName().setFamily(unique());
        String patientId = create(patient).getIdElement().getIdPart();
        for (int i = 0; i < 4; i++) {
            create(observation(patientId));
        }

        Bundle first = parse(expect(http.get("/Patient/" + patientId + "/$everything?_count=3"), 200).body(),
                Bundle.class);

        assertThat(first.getTotal()).isEqualTo(5);
        assertThat(first.getEntry()).hasSize(3);
        assertThat(first.getLink("next")).isNotNull();
        Bundle second = parse(expect(http.get(first.getLink("next").getUrl()), 200).body(), Bundle.class);
        assertThat(second.getEntry()).hasSize(2);
        assertThat(second.getLink("next")).isNull();
        List<String> all = new ArrayList<>(typedIds(first, null));
        all.addAll(typedIds(second, null));
        assertThat(all).doesNotHaveDuplicates().hasSize(5).contains("Patient/" + patientId);
    }

    @Test
    void everythingOfADeletedPatientIsGone() {
        Patient patient = new Patient();
        patient.addName().setFamily(unique());
        String patientId = create(patient).getIdElement().getIdPart();
        expect(http.delete("/Patient/" + patientId), 200);

        outcome(http.get("/Patient/" + patientId + "/$everything"), 410);
    }

    @Test
    void validateAcceptsAValidResourceWithoutStoringIt() {
        String family = unique();
        Patient patient = new Patient();
        patient.addName().setFamily(family);

        OperationOutcome outcome = parse(expect(http.post("/Patient/$validate", json(patient)), 200).body(),
                OperationOutcome.class);

        assertThat(outcome.getIssue()).noneMatch(issue -> issue.getSeverity() == OperationOutcome.IssueSeverity.ERROR);
        assertThat(search("Patient?family=" + family).getTotal()).isZero();
    }

    @Test
    void validateTakesTheResourceInParametersAndInXml() {
        Patient patient = new Patient();
        patient.addName().setFamily(unique());
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("resource").setResource(patient);
        expect(http.post("/Patient/$validate", json(parameters)), 200);

        String xml = "<Observation xmlns=\"http://hl7.org/fhir\"><status value=\"final\"/><code><text value=\"x\"/>"
                + "</code></Observation>";
        expect(send("POST", "/Observation/$validate", xml, Map.of("Content-Type", XML, "Accept", FhirHttp.FHIR_JSON)),
                200);
    }

    @Test
    void validateReportsTheErrorsOfAnInvalidResource() {
        Observation invalid = new Observation();
        invalid.getCode().setText("no status");

        OperationOutcome outcome = outcome(http.post("/Observation/$validate", json(invalid)), 422);

        assertThat(outcome.getIssue()).anySatisfy(issue -> {
            assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
            assertThat(issue.getDiagnostics()).contains("Observation.status");
        });
    }

    @Test
    void validateRefusesAResourceOfAnotherType() {
        outcome(http.post("/Observation/$validate", json(new Patient())), 400);
    }
}
