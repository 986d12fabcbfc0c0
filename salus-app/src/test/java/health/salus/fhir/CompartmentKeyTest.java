package health.salus.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.support.FhirApiTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The patient compartment key stored with each row ({@code fhir_resource.compartment}), which the
 * access policy and encryption key by: a patient's own id for their resources, null for shared ones.
 */
class CompartmentKeyTest extends FhirApiTest {

    @Autowired
    JdbcTemplate jdbc;

    private String compartment(String type, String id) {
        List<String> keys = jdbc.queryForList(
                "select compartment from fhir_resource where res_type = ? and fhir_id = ?", String.class, type, id);
        assertThat(keys).as("one row for %s/%s", type, id).hasSize(1);
        return keys.get(0);
    }

    private List<String> historyCompartments(String type, String id) {
        return jdbc.queryForList("select compartment from fhir_resource_history where res_type = ? and fhir_id = ? "
                + "order by version", String.class, type, id);
    }

    private String patient() {
        Patient patient = new Patient();
        patient.addName().setFamily(unique());
        return create(patient).getIdElement().getIdPart();
    }

    private static Observation observation(String subject) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL).getCode().setText("synthetic reading");
        observation.getSubject().setReference(subject);
        return observation;
    }

    @Test
    void anObservationBelongsToItsPatientAndAPractitionerToNoOne() {
        String patientId = patient();
        String observationId = create(observation("Patient/" + patientId)).getIdElement().getIdPart();
        Practitioner practitioner = new Practitioner();
        practitioner.addName().setFamily(unique());
        String practitionerId = create(practitioner).getIdElement().getIdPart();

        assertThat(compartment("Observation", observationId)).isEqualTo(patientId);
        assertThat(compartment("Patient", patientId)).isEqualTo(patientId);
        assertThat(compartment("Practitioner", practitionerId)).isNull();
        assertThat(historyCompartments("Observation", observationId)).containsExactly(patientId);
    }

    @Test
    void aTaskForAPatientBelongsToThemThoughR4LeavesTaskOutOfTheCompartment() {
        String patientId = patient();
        Task task = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER);
        task.setDescription("Call to confirm");
        task.getFor().setReference("Patient/" + patientId);
        String taskId = create(task).getIdElement().getIdPart();
        Task unassigned = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER);
        unassigned.setDescription("Restock the vaccine fridge");
        String choreId = create(unassigned).getIdElement().getIdPart();

        assertThat(compartment("Task", taskId)).isEqualTo(patientId);
        assertThat(compartment("Task", choreId)).isNull();
    }

    @Test
    void theKeyFollowsTheSubjectWhenItChanges() {
        String first = patient();
        String second = patient();
        Observation observation = create(observation("Patient/" + first));
        String id = observation.getIdElement().getIdPart();

        observation.getSubject().setReference("Patient/" + second);
        expect(http.put("/Observation/" + id, json(observation), Map.of()), 200);

        assertThat(compartment("Observation", id)).isEqualTo(second);
        assertThat(historyCompartments("Observation", id)).containsExactly(first, second);
    }

    @Test
    void aRecordAboutOnePatientAssertedByAnotherBelongsToItsSubject() {
        String child = patient();
        String mother = patient();
        AllergyIntolerance allergy = new AllergyIntolerance();
        allergy.getCode().setText("synthetic allergy");
        allergy.getClinicalStatus().addCoding().setSystem(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical").setCode("active");
        allergy.getPatient().setReference("Patient/" + child);
        allergy.getAsserter().setReference("Patient/" + mother);

        String id = create(allergy).getIdElement().getIdPart();

        assertThat(compartment("AllergyIntolerance", id)).isEqualTo(child);
    }

    @Test
    void aReferenceToAPatientOnAnotherServerIsNotTakenForALocalOne() {
        String local = patient();
        String id = create(observation("http://other.example.org/fhir/Patient/" + local)).getIdElement()
                .getIdPart();

        assertThat(compartment("Observation", id)).isNull();
        assertThat(matchIds(search("Observation?subject=Patient/" + local))).doesNotContain(id);
    }

    @Test
    void anObservationWithoutAPatientHasNoKey() {
        Observation about = new Observation();
        about.setStatus(Observation.ObservationStatus.FINAL).getCode().setText("not about a patient");
        String id = create(about).getIdElement().getIdPart();

        assertThat(compartment("Observation", id)).isNull();
    }

    @Test
    void aTransactionKeysByThePatientsFinalIdEvenForForwardReferences() {
        String patientUrl = "urn:uuid:" + UUID.randomUUID();
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(observation(patientUrl))
                .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
        Patient patient = new Patient();
        patient.addName().setFamily(unique());
        bundle.addEntry().setFullUrl(patientUrl).setResource(patient).getRequest().setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Patient");

        Bundle response = parse(expect(http.post("/", json(bundle)), 200).body(), Bundle.class);

        String observationId = response.getEntry().get(0).getResponse().getLocation().split("/")[1];
        String patientId = response.getEntry().get(1).getResponse().getLocation().split("/")[1];
        assertThat(compartment("Observation", observationId)).isEqualTo(patientId);
    }
}
