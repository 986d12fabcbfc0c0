package health.salus.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.support.FhirApiTest;
import health.salus.support.FhirHttp;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/** Transaction bundles (all or nothing) and batch bundles (each entry on its own). */
class TransactionBundleTest extends FhirApiTest {

    private static String urn() {
        return "urn:uuid:" + UUID.randomUUID();
    }

    private static Patient patient(String family) {
        Patient patient = new Patient();
        patient.addName().setFamily(family);
        return patient;
    }

    private static Observation observation(String subject) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL).getCode().setText("synthetic reading");
        observation.getSubject().setReference(subject);
        return observation;
    }

    private static Bundle bundle(Bundle.BundleType type) {
        return new Bundle().setType(type);
    }

    private static BundleEntryComponent post(Bundle bundle, String fullUrl, Resource resource) {
        BundleEntryComponent entry = bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
        entry.getRequest().setMethod(HTTPVerb.POST).setUrl(resource.fhirType());
        return entry;
    }

    private static BundleEntryComponent request(Bundle bundle, HTTPVerb method, String url, Resource resource) {
        BundleEntryComponent entry = bundle.addEntry().setResource(resource);
        entry.getRequest().setMethod(method).setUrl(url);
        return entry;
    }

    private Bundle submit(Bundle bundle) {
        Bundle response = parse(expect(http.post("/", json(bundle)), 200).body(), Bundle.class);
        assertThat(response.getEntry()).hasSameSizeAs(bundle.getEntry());
        return response;
    }

    /** The id in a response location such as {@code Patient/123/_history/1}. */
    private static String idAt(BundleEntryComponent entry) {
        return entry.getResponse().getLocation().split("/")[1];
    }

    @Test
    void transactionCreatesEverythingAndResolvesUrnUuidReferences() {
        String family = unique();
        String patientUrl = urn();
        String practitionerUrl = urn();
        Bundle bundle = bundle(Bundle.BundleType.TRANSACTION);
        Encounter encounter = new Encounter();
        encounter.setStatus(Encounter.EncounterStatus.FINISHED).setClass_(new Coding()
                .setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode").setCode("AMB"));
        encounter.getSubject().setReference(patientUrl);
        encounter.addParticipant().getIndividual().setReference(practitionerUrl);
        // references may point forward to entries later in the bundle
        post(bundle, urn(), encounter);
        post(bundle, urn(), observation(patientUrl));
        post(bundle, patientUrl, patient(family));
        Practitioner practitioner = new Practitioner();
        practitioner.addName().setFamily(unique());
        post(bundle, practitionerUrl, practitioner);

        Bundle response = submit(bundle);

        assertThat(response.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
        assertThat(response.getEntry()).allMatch(e -> e.getResponse().getStatus().startsWith("201"));
        assertThat(response.getEntry().get(0).getResponse().getLocation()).startsWith("Encounter/");
        assertThat(response.getEntry().get(1).getResponse().getLocation()).startsWith("Observation/");
        assertThat(response.getEntry().get(2).getResponse().getLocation()).startsWith("Patient/");
        String patientId = idAt(response.getEntry().get(2));
        String practitionerId = idAt(response.getEntry().get(3));
        Encounter storedEncounter = read(Encounter.class, idAt(response.getEntry().get(0)));
        assertThat(storedEncounter.getSubject().getReference()).isEqualTo("Patient/" + patientId);
        assertThat(storedEncounter.getParticipantFirstRep().getIndividual().getReference())
                .isEqualTo("Practitioner/" + practitionerId);
        assertThat(read(Observation.class, idAt(response.getEntry().get(1))).getSubject().getReference())
                .isEqualTo("Patient/" + patientId);
        assertThat(matchIds(search("Observation?subject=Patient/" + patientId)))
                .as("a reference to a later entry is indexed with the final id")
                .containsExactly(idAt(response.getEntry().get(1)));
        assertThat(matchIds(search("Encounter?participant=Practitioner/" + practitionerId)))
                .containsExactly(idAt(response.getEntry().get(0)));
        assertThat(matchIds(search("Observation?subject:Patient.family=" + family)))
                .containsExactly(idAt(response.getEntry().get(1)));
    }

    @Test
    void conditionalCreateInATransactionReusesTheExistingResource() {
        String system = "urn:salus-test:" + unique();
        Patient existing = patient(unique());
        existing.addIdentifier().setSystem(system).setValue("X1");
        String existingId = create(existing).getIdElement().getIdPart();
        String patientUrl = urn();
        Bundle bundle = bundle(Bundle.BundleType.TRANSACTION);
        Patient again = patient(unique());
        again.addIdentifier().setSystem(system).setValue("X1");
        post(bundle, patientUrl, again).getRequest().setIfNoneExist("identifier=" + system + "|X1");
        post(bundle, urn(), observation(patientUrl));

        Bundle response = submit(bundle);

        assertThat(response.getEntry().get(0).getResponse().getStatus()).startsWith("200");
        assertThat(idAt(response.getEntry().get(0))).isEqualTo(existingId);
        assertThat(read(Observation.class, idAt(response.getEntry().get(1))).getSubject().getReference())
                .isEqualTo("Patient/" + existingId);
        assertThat(search("Patient?identifier=" + FhirHttp.q(system + "|X1")).getTotal()).isEqualTo(1);
        assertThat(matchIds(search("Observation?subject=Patient/" + existingId)))
                .containsExactly(idAt(response.getEntry().get(1)));
    }

    @Test
    void conditionalUpdateInATransactionUpdatesTheMatchOrCreates() {
        String system = "urn:salus-test:" + unique();
        Patient existing = patient(unique());
        existing.addIdentifier().setSystem(system).setValue("U1");
        String existingId = create(existing).getIdElement().getIdPart();
        Patient update = patient(unique());
        update.addIdentifier().setSystem(system).setValue("U1");
        update.setActive(true);
        Patient fresh = patient(unique());
        fresh.addIdentifier().setSystem(system).setValue("U2");
        Bundle bundle = bundle(Bundle.BundleType.TRANSACTION);
        request(bundle, HTTPVerb.PUT, "Patient?identifier=" + system + "|U1", update);
        request(bundle, HTTPVerb.PUT, "Patient?identifier=" + system + "|U2", fresh);

        Bundle response = submit(bundle);

        assertThat(response.getEntry().get(0).getResponse().getStatus()).startsWith("200");
        assertThat(idAt(response.getEntry().get(0))).isEqualTo(existingId);
        assertThat(read(Patient.class, existingId).getActive()).isTrue();
        assertThat(response.getEntry().get(1).getResponse().getStatus()).startsWith("201");
        assertThat(matchIds(search("Patient?identifier=" + FhirHttp.q(system + "|U2"))))
                .containsExactly(idAt(response.getEntry().get(1)));
    }

    @Test
    void anAmbiguousConditionalCreateFailsTheTransaction() {
        String system = "urn:salus-test:" + unique();
        for (int i = 0; i < 2; i++) {
            Patient twin = patient(unique());
            twin.addIdentifier().setSystem(system).setValue("T1");
            create(twin);
        }
        String family = unique();
        Bundle bundle = bundle(Bundle.BundleType.TRANSACTION);
        post(bundle, urn(), patient(family));
        Patient again = patient(unique());
        again.addIdentifier().setSystem(system).setValue("T1");
        post(bundle, urn(), again).getRequest().setIfNoneExist("identifier=" + system + "|T1");

        outcome(http.post("/", json(bundle)), 412);

        assertThat(search("Patient?family=" + family).getTotal()).isZero();
        assertThat(search("Patient?identifier=" + FhirHttp.q(system + "|T1")).getTotal()).isEqualTo(2);
    }

    @Test
    void conditionalReferencesResolveToTheSingleMatch() {
        String system = "urn:salus-test:" + unique();
        Practitioner practitioner = new Practitioner();
        practitioner.addIdentifier().setSystem(system).setValue("DOC-1");
        String practitionerId = create(practitioner).getIdElement().getIdPart();
        Bundle bundle = bundle(Bundle.BundleType.TRANSACTION);
        Patient patient = patient(unique());
        patient.addGeneralPractitioner().setReference("Practitioner?identifier=" + system + "|DOC-1");
        post(bundle, urn(), patient);

        Bundle response = submit(bundle);

        assertThat(read(Patient.class, idAt(response.getEntry().get(0))).getGeneralPractitionerFirstRep()
                .getReference()).isEqualTo("Practitioner/" + practitionerId);
    }

    @Test
    void transactionRunsPutDeleteAndGetEntries() {
        String family = unique();
        String doomed = create(patient(family)).getIdElement().getIdPart();
        Patient kept = create(patient(family));
        String keptId = kept.getIdElement().getIdPart();
        String clientId = "tx-" + unique();
        Patient fresh = patient(family);
        fresh.setId(clientId);
        kept.setActive(true);
        Bundle bundle = bundle(Bundle.BundleType.TRANSACTION);
        request(bundle, HTTPVerb.GET, "Patient/" + keptId, null);
        request(bundle, HTTPVerb.PUT, "Patient/" + clientId, fresh);
        request(bundle, HTTPVerb.DELETE, "Patient/" + doomed, null);
        request(bundle, HTTPVerb.PUT, "Patient/" + keptId, kept);

        Bundle response = submit(bundle);

        // entries answer in request order although FHIR runs deletes first and reads last
        BundleEntryComponent get = response.getEntry().get(0);
        assertThat(get.getResponse().getStatus()).startsWith("200");
        assertThat(((Patient) get.getResource()).getActive()).as("reads see the transaction's writes").isTrue();
        assertThat(response.getEntry().get(1).getResponse().getStatus()).startsWith("201");
        assertThat(response.getEntry().get(2).getResponse().getStatus()).matches("20[04].*");
        assertThat(response.getEntry().get(3).getResponse().getStatus()).startsWith("200");
        assertThat(response.getEntry().get(3).getResponse().getEtag()).isEqualTo("W/\"2\"");
        assertThat(read(Patient.class, clientId).getMeta().getVersionId()).isEqualTo("1");
        outcome(http.get("/Patient/" + doomed), 410);
        assertThat(matchIds(search("Patient?family=" + family))).containsExactlyInAnyOrder(keptId, clientId);
    }

    @Test
    void transactionGetEntryCanSearch() {
        String family = unique();
        String id = create(patient(family)).getIdElement().getIdPart();
        Bundle bundle = bundle(Bundle.BundleType.TRANSACTION);
        request(bundle, HTTPVerb.GET, "Patient?family=" + family, null);

        Bundle searchset = (Bundle) submit(bundle).getEntryFirstRep().getResource();

        assertThat(searchset.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(matchIds(searchset)).containsExactly(id);
    }

    @Test
    void anInvalidEntryFailsTheTransactionAndNothingIsStored() {
        String family = unique();
        String patientUrl = urn();
        Bundle bundle = bundle(Bundle.BundleType.TRANSACTION);
        post(bundle, patientUrl, patient(family));
        Observation invalid = observation(patientUrl);
        invalid.setStatus(null);
        post(bundle, urn(), invalid);

        OperationOutcome outcome = outcome(http.post("/", json(bundle)), 422);

        assertThat(diagnostics(outcome)).contains("Observation.status");
        assertThat(search("Patient?family=" + family).getTotal()).isZero();
        assertThat(search("Observation?subject:Patient.family=" + family).getTotal()).isZero();
    }

    @Test
    void aLaterFailureUndoesEarlierUpdatesAndDeletes() {
        String family = unique();
        Patient updated = create(patient(family));
        String updatedId = updated.getIdElement().getIdPart();
        String deletedId = create(patient(family)).getIdElement().getIdPart();
        updated.setActive(true);
        Bundle bundle = bundle(Bundle.BundleType.TRANSACTION);
        request(bundle, HTTPVerb.PUT, "Patient/" + updatedId, updated);
        request(bundle, HTTPVerb.DELETE, "Patient/" + deletedId, null);
        request(bundle, HTTPVerb.DELETE, "Patient/" + unique(), null);

        outcome(http.post("/", json(bundle)), 404);

        Patient unchanged = read(Patient.class, updatedId);
        assertThat(unchanged.getMeta().getVersionId()).isEqualTo("1");
        assertThat(unchanged.hasActive()).isFalse();
        assertThat(read(Patient.class, deletedId).getMeta().getVersionId()).isEqualTo("1");
        assertThat(parse(expect(http.get("/Patient/" + deletedId + "/_history"), 200).body(), Bundle.class)
                .getTotal()).isEqualTo(1);
    }

    @Test
    void aConditionalReferenceMatchingNothingFailsTheTransaction() {
        String family = unique();
        Bundle bundle = bundle(Bundle.BundleType.TRANSACTION);
        post(bundle, urn(), patient(family));
        Patient second = patient(family);
        second.addGeneralPractitioner().setReference("Practitioner?identifier=urn:salus-test:none|" + unique());
        post(bundle, urn(), second);

        OperationOutcome outcome = outcome(http.post("/", json(bundle)), 412);

        assertThat(diagnostics(outcome)).contains("matched nothing");
        assertThat(search("Patient?family=" + family).getTotal()).isZero();
    }

    @Test
    void aReferenceToAnUnknownUrnUuidIsRefused() {
        String family = unique();
        Bundle bundle = bundle(Bundle.BundleType.TRANSACTION);
        post(bundle, urn(), patient(family));
        post(bundle, urn(), observation(urn()));

        outcome(http.post("/", json(bundle)), 400);

        assertThat(search("Patient?family=" + family).getTotal()).isZero();
    }

    @Test
    void batchEntriesSucceedOrFailOnTheirOwn() {
        String family = unique();
        String existing = create(patient(family)).getIdElement().getIdPart();
        Bundle bundle = bundle(Bundle.BundleType.BATCH);
        post(bundle, null, patient(family));
        Observation invalid = observation("Patient/" + existing);
        invalid.setStatus(null);
        post(bundle, null, invalid);
        request(bundle, HTTPVerb.GET, "Patient/" + unique(), null);
        post(bundle, null, observation("Patient/" + existing));
        request(bundle, HTTPVerb.GET, "Patient/" + existing, null);

        Bundle response = submit(bundle);

        assertThat(response.getType()).isEqualTo(Bundle.BundleType.BATCHRESPONSE);
        assertThat(response.getEntry().get(0).getResponse().getStatus()).startsWith("201");
        assertThat(response.getEntry().get(1).getResponse().getStatus()).startsWith("422");
        assertThat(response.getEntry().get(1).getResponse().getOutcome()).isInstanceOf(OperationOutcome.class);
        assertThat(response.getEntry().get(2).getResponse().getStatus()).startsWith("404");
        assertThat(response.getEntry().get(3).getResponse().getStatus()).startsWith("201");
        assertThat(response.getEntry().get(4).getResponse().getStatus()).startsWith("200");
        assertThat(response.getEntry().get(4).getResource().getIdElement().getIdPart()).isEqualTo(existing);
        assertThat(search("Patient?family=" + family).getTotal()).isEqualTo(2);
        assertThat(search("Observation?subject=Patient/" + existing).getTotal()).isEqualTo(1);
    }

    @Test
    void onlyBatchAndTransactionBundlesCanBePosted() {
        Bundle collection = bundle(Bundle.BundleType.COLLECTION);
        collection.addEntry().setResource(patient(unique()));

        outcome(http.post("/", json(collection)), 400);
    }
}
