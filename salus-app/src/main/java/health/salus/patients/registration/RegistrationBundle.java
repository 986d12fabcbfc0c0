package health.salus.patients.registration;

import health.salus.patients.PrivacyNotice;
import health.salus.patients.coverage.CoverageSystems;
import health.salus.patients.coverage.Payer;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The transaction that registers a patient: the Patient, their HIPAA privacy Consent, and (unless
 * self-pay) their Coverage with the payer's Organization, created only if no Organization carries the
 * payer's identifier yet. Entries refer to each other by {@code urn:uuid}, so it commits whole or not at all.
 */
final class RegistrationBundle {


    private final Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    private final String patientUrn = "urn:uuid:" + UUID.randomUUID();
    private final String consentUrn = "urn:uuid:" + UUID.randomUUID();
    private Optional<String> coverageUrn = Optional.empty();

    RegistrationBundle(Patient patient, Instant acknowledgedAt) {
        add(patient, patientUrn).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
        add(PrivacyNotice.acknowledgedBy(patientUrn, acknowledgedAt), consentUrn).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Consent");
    }

    Bundle bundle() {
        return bundle;
    }

    /**
     * Coverage of the patient by the payer. {@code payerOrganization} is the payer's stored Organization
     * ({@code Organization/<id>}) when one was found; otherwise the bundle creates it unless one carrying the
     * payer identifier exists by then. That conditional create serialises registrations of the same payer,
     * so it is left for the first patient of each payer.
     */
    void addCoverage(Payer payer, Optional<String> payerOrganization, String memberId,
            Optional<String> groupNumber, String relationship) {
        String organizationUrn = payerOrganization.orElse("urn:uuid:" + UUID.randomUUID());
        if (payerOrganization.isEmpty()) {
            Organization organization = new Organization().setName(payer.name()).setActive(true);
            organization.addIdentifier().setSystem(CoverageSystems.PAYER).setValue(payer.id());
            organization.addType(concept("http://terminology.hl7.org/CodeSystem/organization-type", "pay", "Payer"));
            add(organization, organizationUrn).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Organization")
                    .setIfNoneExist("identifier=" + CoverageSystems.PAYER + "|" + payer.id());
        }
        Coverage coverage = new Coverage().setStatus(Coverage.CoverageStatus.ACTIVE)
                .setBeneficiary(new Reference(patientUrn)).setSubscriberId(memberId.strip())
                .setRelationship(concept("http://terminology.hl7.org/CodeSystem/subscriber-relationship", relationship,
                        null))
                .setPayor(List.of(new Reference(organizationUrn)));
        if (relationship.equals("self")) {
            coverage.setSubscriber(new Reference(patientUrn));
        }
        groupNumber.filter(g -> !g.isBlank()).ifPresent(group -> coverage.addClass_()
                .setType(concept("http://terminology.hl7.org/CodeSystem/coverage-class", "group", "Group"))
                .setValue(group.strip()));
        String urn = "urn:uuid:" + UUID.randomUUID();
        add(coverage, urn).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Coverage");
        coverageUrn = Optional.of(urn);
    }

    /** Where the transaction response says the resource of {@code urn} went (entries answer in order). */
    static String idAt(Bundle response, int index) {
        String location = response.getEntry().get(index).getResponse().getLocation();
        String[] parts = location.split("/");
        return parts[1];
    }

    int patientIndex() {
        return 0;
    }

    int consentIndex() {
        return 1;
    }

    /** The Coverage is the last entry when there is one. */
    Optional<Integer> coverageIndex() {
        return coverageUrn.map(urn -> bundle.getEntry().size() - 1);
    }

    private Bundle.BundleEntryComponent add(Resource resource, String urn) {
        return bundle.addEntry().setFullUrl(urn).setResource(resource);
    }

    static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept(new Coding(system, code, display));
    }

    static ContactPoint phone(String e164) {
        return new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(e164);
    }
}
