package health.salus.security.policy;

import health.salus.fhir.CareLink;
import health.salus.fhir.CareLinks;
import health.salus.fhir.CompartmentLinks;
import health.salus.fhir.ResourceStore;
import health.salus.fhir.SearchRequest;
import health.salus.security.SystemAccess;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Who is in whose care, read from the record itself on every request (so a revoked consent or a
 * closed care team counts at once): care-team membership, encounter and appointment participation,
 * and the patient's active Consents to a practitioner, their organisation, or a family member.
 */
@Component
class CareRelationships {

    private static final List<CareLink> CARE_LINKS = List.of(new CareLink("CareTeam", "participant"),
            new CareLink("Encounter", "participant"), new CareLink("Appointment", "actor"),
            new CareLink("Consent", "actor"));
    /**
     * Statuses in which those resources no longer (or not yet) make a relationship. Across the four
     * value sets: a proposed, inactive or entered-in-error care team; a cancelled or entered-in-error
     * encounter; a proposed, cancelled or entered-in-error appointment; a consent in any state but
     * active (draft, proposed, rejected, inactive, entered-in-error).
     */
    private static final Set<String> LAPSED = Set.of("proposed", "inactive", "entered-in-error", "cancelled",
            "draft", "rejected");
    private static final int MAX_GRANTS = 200;

    private final CompartmentLinks links;
    // looked up lazily: the store asks the policy, and the policy reads the store
    private final ObjectProvider<ResourceStore> store;
    private final SystemAccess system;

    CareRelationships(CompartmentLinks links, ObjectProvider<ResourceStore> store, SystemAccess system) {
        this.links = links;
        this.store = store;
        this.system = system;
    }

    /** How a practitioner (or their organisation) comes to be in a patient's care, for the store to evaluate. */
    CareLinks linksOf(String practitionerId) {
        String practitioner = "Practitioner/" + practitionerId;
        Set<String> members = new HashSet<>(links.referencesOf("PractitionerRole", "practitioner", practitioner,
                "organization"));
        members.add(practitioner);
        return new CareLinks(members, CARE_LINKS, LAPSED);
    }

    boolean isRelated(String practitionerId, String patientId) {
        return links.isLinked(patientId, linksOf(practitionerId));
    }

    CompartmentLinks links() {
        return links;
    }

    /** What a family member was granted: per patient, the resource types (empty = the whole record). */
    Map<String, Set<String>> grantsTo(String relatedPersonId) {
        List<Resource> consents = system.call("care-relationships", () -> store.getObject().search(new SearchRequest("Consent",
                Map.of("actor", List.of("RelatedPerson/" + relatedPersonId), "status", List.of("active"),
                        "_count", List.of(Integer.toString(MAX_GRANTS))))).matches());
        Map<String, Set<String>> grants = new java.util.HashMap<>();
        for (Resource resource : consents) {
            Consent consent = (Consent) resource;
            if (!consent.getPatient().hasReference() || consent.getProvision().getType() == Consent.ConsentProvisionType.DENY) {
                continue;
            }
            String patient = consent.getPatient().getReferenceElement().getIdPart();
            Set<String> types = consent.getProvision().getClass_().stream().map(Coding::getCode)
                    .collect(Collectors.toSet());
            grants.merge(patient, types, (a, b) -> a.isEmpty() || b.isEmpty() ? Set.of() : union(a, b));
        }
        return grants;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
