package health.salus.patients.eligibility;

import health.salus.patients.coverage.CoverageSystems;
import health.salus.support.FhirHttp;
import java.util.UUID;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;

/**
 * Insured patients for eligibility tests, recorded the way registration records them (the
 * {@link CoverageSystems} contract), through the FHIR API as the test system client.
 */
final class InsuredPatients {

    /** What a test needs back: the ids, and the member id the simulator decides by. */
    record Insured(String patientId, String coverageId, String memberId) {
    }

    private final FhirHttp fhir;

    InsuredPatients(FhirHttp fhir) {
        this.fhir = fhir;
    }

    /** A patient who holds the policy; the member id ends in {@code lastDigit} (see SimulatedPayers). */
    Insured subscriber(char lastDigit) {
        String patientId = create(patient("Jane"));
        return insured(patientId, lastDigit, null);
    }

    /** A child covered by a parent's policy: the 270 carries a dependent loop. */
    Insured dependent(char lastDigit) {
        String patientId = create(patient("Tim"));
        RelatedPerson parent = new RelatedPerson().setPatient(new Reference("Patient/" + patientId));
        parent.addName().setFamily("Okafor").addGiven("Ngozi");
        parent.setGender(AdministrativeGender.FEMALE).setBirthDateElement(new DateType("1984-02-11"));
        return insured(patientId, lastDigit, "RelatedPerson/" + create(parent));
    }

    private Insured insured(String patientId, char lastDigit, String subscriber) {
        String memberId = "W" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 8) + lastDigit;
        Coverage coverage = new Coverage().setStatus(Coverage.CoverageStatus.ACTIVE)
                .setBeneficiary(new Reference("Patient/" + patientId)).setSubscriberId(memberId);
        coverage.addIdentifier().setSystem(CoverageSystems.MEMBER_ID).setValue(memberId);
        coverage.getRelationship().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/subscriber-relationship")
                .setCode(subscriber == null ? "self" : "child");
        if (subscriber != null) {
            coverage.setSubscriber(new Reference(subscriber));
        }
        coverage.addPayor(new Reference("Organization/" + payer()));
        return new Insured(patientId, create(coverage), memberId);
    }

    private String payer() {
        Organization acme = new Organization().setName("Acme Health Plan");
        acme.addIdentifier().setSystem(CoverageSystems.PAYER).setValue("acme-health");
        return create(acme);
    }

    private static Patient patient(String given) {
        Patient patient = new Patient().setGender(AdministrativeGender.FEMALE)
                .setBirthDateElement(new DateType("1980-04-01"));
        patient.addName().setFamily("Okafor").addGiven(given);
        return patient;
    }

    private String create(Resource resource) {
        var response = fhir.post("/" + resource.fhirType(),
                ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser().encodeResourceToString(resource));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Cannot create " + resource.fhirType() + ": " + response.body());
        }
        return ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser().parseResource(response.body())
                .getIdElement().getIdPart();
    }
}
