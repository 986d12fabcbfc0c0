package health.salus.portal.patient;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import health.salus.fhir.ResourceStore;
import health.salus.fhir.SearchRequest;
import health.salus.platform.InvalidFieldsException;
import health.salus.web.DisplayText;
import health.salus.portal.record.PeopleAndPlaces;
import health.salus.portal.record.RecordPart;
import health.salus.security.ConsentGrants;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Whom a patient shares their record with: the access policy honours an active Consent naming a family
 * member (RelatedPerson, limited to the resource types it lists) or a provider (Practitioner, who then
 * counts as in the patient's care). Grants are written and revoked through the store as the patient,
 * so the policy checks it is their own record and the audit trail records the change; a revoked grant
 * is set inactive (kept, for the record of who could see what when) and counts at once.
 */
@Component
class Sharing {

    static final String FAMILY = "RelatedPerson/";
    static final String PROVIDER = "Practitioner/";
    private static final int MAX_ROWS = 100;

    private final ResourceStore store;
    private final PeopleAndPlaces names;

    Sharing(ResourceStore store, PeopleAndPlaces names) {
        this.store = store;
        this.names = names;
    }

    /** Someone the patient can share with: a family member (with their relationship) or a provider they saw. */
    record Person(String reference, String name, String relationship, boolean family) {

        public String formId() {
            return reference.replace('/', '-');
        }
    }

    /** An active grant: to whom, and which parts (all of them when {@code wholeRecord}). */
    record Grant(String consentId, Person person, List<RecordPart> parts, boolean wholeRecord) {
    }

    List<Grant> grants(String patientId) {
        Map<String, Person> people = people(patientId).stream()
                .collect(Collectors.toMap(Person::reference, p -> p, (a, b) -> a, LinkedHashMap::new));
        List<Grant> grants = new ArrayList<>();
        for (Consent consent : activeGrants(patientId)) {
            String actor = actorOf(consent).orElseThrow();
            Person person = people.getOrDefault(actor, new Person(actor, names.nameOf(actor).orElse(""), "",
                    actor.startsWith(FAMILY)));
            Set<String> types = consent.getProvision().getClass_().stream().map(Coding::getCode)
                    .collect(Collectors.toSet());
            grants.add(new Grant(consent.getIdElement().getIdPart(), person, person.family()
                    ? RecordPart.coveredBy(types) : List.of(), types.isEmpty()));
        }
        return grants;
    }

    /** The patient's family members and contacts on file, then the providers on their appointments and visits. */
    List<Person> people(String patientId) {
        List<Person> people = new ArrayList<>();
        search("RelatedPerson", patientId).stream().map(RelatedPerson.class::cast).forEach(related -> people.add(
                new Person(FAMILY + related.getIdElement().getIdPart(),
                        related.hasName() ? DisplayText.name(related.getNameFirstRep()) : "",
                        DisplayText.concept(related.getRelationshipFirstRep()), true)));
        List<String> providers = new ArrayList<>();
        search("Appointment", patientId).forEach(resource -> ((Appointment) resource).getParticipant().stream()
                .map(p -> p.getActor().getReference()).forEach(providers::add));
        search("Encounter", patientId).forEach(resource -> ((Encounter) resource).getParticipant().stream()
                .map(p -> p.getIndividual().getReference()).forEach(providers::add));
        providers.stream().filter(ref -> ref != null && ref.startsWith(PROVIDER)).distinct()
                .forEach(ref -> names.nameOf(ref).ifPresent(name -> people.add(new Person(ref, name, "", false))));
        return people;
    }

    /**
     * Shares {@code parts} with {@code actor} (one of {@link #people}): a family member sees those parts
     * (and always the patient's name), a provider the record as one of their care team. An earlier grant
     * to the same person is replaced.
     */
    void grant(String patientId, String actor, Set<RecordPart> parts) {
        Optional<Person> person = people(patientId).stream().filter(p -> p.reference().equals(actor)).findFirst();
        if (person.isEmpty()) {
            throw InvalidFieldsException.of("person", "Choose someone from the list");
        }
        if (person.get().family() && parts.isEmpty()) {
            throw InvalidFieldsException.of("parts", "Choose at least one part of your record");
        }
        activeGrants(patientId).stream().filter(c -> actorOf(c).filter(actor::equals).isPresent())
                .forEach(c -> revoke(patientId, c.getIdElement().getIdPart()));
        store.create(ConsentGrants.permit(patientId, actor, person.get().family()
                ? RecordPart.resourceTypesOf(parts) : List.of()), Optional.empty());
    }

    /** Sets one of the patient's grants inactive; their privacy acknowledgement and other consents are not grants. */
    void revoke(String patientId, String consentId) {
        Consent consent = (Consent) store.read("Consent", consentId);
        boolean theirs = ("Patient/" + patientId).equals(consent.getPatient().getReference());
        if (!theirs || actorOf(consent).isEmpty() || consent.getStatus() != Consent.ConsentState.ACTIVE) {
            throw new ResourceNotFoundException("Consent/" + consentId); // no such grant: the "not found" page
        }
        store.patch("Consent", consentId, "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"inactive\"}]",
                Optional.empty());
    }

    private List<Consent> activeGrants(String patientId) {
        return store.search(new SearchRequest("Consent", Map.of("patient", List.of("Patient/" + patientId),
                        "status", List.of("active"), "_count", List.of(String.valueOf(MAX_ROWS))))).matches().stream()
                .map(Consent.class::cast)
                .filter(c -> c.getProvision().getType() == Consent.ConsentProvisionType.PERMIT)
                .filter(c -> actorOf(c).isPresent()).toList();
    }

    /** The family member or provider a grant lets in. */
    private static Optional<String> actorOf(Consent consent) {
        return consent.getProvision().getActor().stream().map(a -> a.getReference().getReference())
                .filter(ref -> ref != null && (ref.startsWith(FAMILY) || ref.startsWith(PROVIDER))).findFirst();
    }

    private List<Resource> search(String type, String patientId) {
        return store.search(new SearchRequest(type, Map.of("patient", List.of("Patient/" + patientId),
                "_count", List.of(String.valueOf(MAX_ROWS))))).matches();
    }
}
