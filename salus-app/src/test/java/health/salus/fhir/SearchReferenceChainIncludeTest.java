package health.salus.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.support.FhirApiTest;
import health.salus.support.FhirHttp;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reference search, chained parameters, {@code _include} and {@code _revinclude}. */
class SearchReferenceChainIncludeTest extends FhirApiTest {

    private String family;
    private String identifierSystem;
    private String patientId;
    private String otherPatientId;
    private String practitionerId;
    private String encounterId;
    private String observationId;
    private String otherObservationId;

    /** One patient with an encounter (seen by a practitioner) and an observation, and a bystander. */
    @BeforeEach
    void clinicalRecord() {
        family = unique();
        identifierSystem = "urn:salus-test:" + unique();
        Patient patient = new Patient();
        patient.addName().setFamily(family).addGiven("Chain");
        patient.addIdentifier().setSystem(identifierSystem).setValue("MRN-1");
        patientId = create(patient).getIdElement().getIdPart();
        Patient other = new Patient();
        other.addName().setFamily(unique());
        otherPatientId = create(other).getIdElement().getIdPart();

        Practitioner practitioner = new Practitioner();
        practitioner.addName().setFamily(unique());
        practitionerId = create(practitioner).getIdElement().getIdPart();

        Encounter encounter = new Encounter();
        encounter.setStatus(Encounter.EncounterStatus.FINISHED).setClass_(new Coding()
                .setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode").setCode("AMB"));
        encounter.getSubject().setReference("Patient/" + patientId);
        encounter.addParticipant().getIndividual().setReference("Practitioner/" + practitionerId);
        encounterId = create(encounter).getIdElement().getIdPart();

        observationId = create(observation(patientId, encounterId)).getIdElement().getIdPart();
        otherObservationId = create(observation(otherPatientId, null)).getIdElement().getIdPart();
    }

    private static Observation observation(String patient, String encounter) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL).getCode().setText("synthetic reading");
        observation.getSubject().setReference("Patient/" + patient);
        if (encounter != null) {
            observation.getEncounter().setReference("Encounter/" + encounter);
        }
        return observation;
    }

    private List<String> find(String query) {
        return matchIds(search(query));
    }

    private static List<String> included(Bundle bundle) {
        return bundle.getEntry().stream().filter(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE)
                .map(e -> e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart()).toList();
    }

    @Test
    void referenceSearchByTypedIdPlainIdTypeModifierAndAbsoluteUrl() {
        assertThat(find("Observation?subject=Patient/" + patientId)).containsExactly(observationId);
        assertThat(find("Observation?subject=" + patientId)).containsExactly(observationId);
        assertThat(find("Observation?patient=" + patientId)).containsExactly(observationId);
        assertThat(find("Observation?patient=Patient/" + patientId)).containsExactly(observationId);
        assertThat(find("Observation?subject:Patient=" + patientId)).containsExactly(observationId);
        assertThat(find("Observation?subject:Group=" + patientId)).isEmpty();
        assertThat(find("Observation?subject=" + FhirHttp.q(http.base() + "/Patient/" + patientId)))
                .containsExactly(observationId);
        assertThat(find("Observation?subject=Patient/" + patientId + ",Patient/" + otherPatientId))
                .containsExactlyInAnyOrder(observationId, otherObservationId);
        assertThat(find("Encounter?participant=Practitioner/" + practitionerId)).containsExactly(encounterId);
    }

    @Test
    void chainedSearchFollowsTheReference() {
        assertThat(find("Observation?subject:Patient.name=" + family)).containsExactly(observationId);
        assertThat(find("Observation?subject.name=" + family)).containsExactly(observationId);
        assertThat(find("Observation?patient.family=" + family)).containsExactly(observationId);
        assertThat(find("Encounter?patient.identifier=" + FhirHttp.q(identifierSystem + "|MRN-1")))
                .containsExactly(encounterId);
        assertThat(find("Encounter?patient.identifier=" + FhirHttp.q(identifierSystem + "|MRN-2"))).isEmpty();
        assertThat(find("Observation?encounter.participant=Practitioner/" + practitionerId))
                .containsExactly(observationId);
    }

    @Test
    void chainedSearchIgnoresDeletedTargets() {
        expect(http.delete("/Patient/" + patientId), 200);

        assertThat(find("Observation?subject:Patient.name=" + family)).isEmpty();
        assertThat(find("Observation?subject=Patient/" + patientId)).as("the plain reference still matches")
                .containsExactly(observationId);
    }

    @Test
    void includeAddsTheReferencedResourcesMarkedAsIncluded() {
        Bundle bundle = search("Encounter?_id=" + encounterId + "&_include=Encounter:subject");

        assertThat(matchIds(bundle)).containsExactly(encounterId);
        assertThat(included(bundle)).containsExactly("Patient/" + patientId);
        assertThat(bundle.getTotal()).as("includes do not count as matches").isEqualTo(1);
        Bundle.BundleEntryComponent include = bundle.getEntry().get(1);
        assertThat(include.getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.INCLUDE);
        assertThat(include.getFullUrl()).endsWith("/Patient/" + patientId);
    }

    @Test
    void includeWithATargetTypeOnlyFollowsReferencesToThatType() {
        Bundle practitioners = search("Encounter?_id=" + encounterId + "&_include=Encounter:participant:Practitioner");
        assertThat(included(practitioners)).containsExactly("Practitioner/" + practitionerId);

        Bundle none = search("Encounter?_id=" + encounterId + "&_include=Encounter:participant:RelatedPerson");
        assertThat(included(none)).isEmpty();
    }

    @Test
    void wildcardIncludeFollowsEveryReference() {
        Bundle bundle = search("Encounter?_id=" + encounterId + "&_include=*");

        assertThat(matchIds(bundle)).containsExactly(encounterId);
        assertThat(included(bundle)).containsExactlyInAnyOrder("Patient/" + patientId,
                "Practitioner/" + practitionerId);
    }

    @Test
    void revincludeAddsTheResourcesThatPointHere() {
        Bundle bundle = search("Patient?_id=" + patientId + "," + otherPatientId
                + "&_revinclude=Observation:subject");

        assertThat(matchIds(bundle)).containsExactlyInAnyOrder(patientId, otherPatientId);
        assertThat(included(bundle)).containsExactlyInAnyOrder("Observation/" + observationId,
                "Observation/" + otherObservationId);
        assertThat(bundle.getEntry()).filteredOn(e -> e.getResource().fhirType().equals("Observation"))
                .allMatch(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE);
    }

    @Test
    void wildcardRevincludeAddsEveryResourceThatPointsHere() {
        Bundle bundle = search("Patient?_id=" + patientId + "&_revinclude=*");

        assertThat(matchIds(bundle)).containsExactly(patientId);
        assertThat(included(bundle)).contains("Observation/" + observationId, "Encounter/" + encounterId)
                .doesNotContain("Observation/" + otherObservationId);
    }

    @Test
    void iterateIncludesFollowIncludedResourcesToo() {
        Bundle bundle = search("Observation?_id=" + observationId + "&_include=Observation:encounter"
                + "&_include:iterate=Encounter:participant");

        assertThat(included(bundle)).containsExactlyInAnyOrder("Encounter/" + encounterId,
                "Practitioner/" + practitionerId);
    }

    @Test
    void aResourceIncludedTwiceAppearsOnce() {
        Observation second = observation(patientId, encounterId);
        String secondId = create(second).getIdElement().getIdPart();

        Bundle bundle = search("Observation?_id=" + observationId + "," + secondId + "&_include=Observation:subject");

        assertThat(matchIds(bundle)).containsExactlyInAnyOrder(observationId, secondId);
        assertThat(included(bundle)).containsExactly("Patient/" + patientId);
    }

    @Test
    void includesOfDeletedResourcesAreLeftOut() {
        expect(http.delete("/Practitioner/" + practitionerId), 200);

        Bundle bundle = search("Encounter?_id=" + encounterId + "&_include=*");

        assertThat(included(bundle)).containsExactly("Patient/" + patientId);
        assertThat(bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).map(Resource::fhirType))
                .doesNotContain("Practitioner");
    }
}
