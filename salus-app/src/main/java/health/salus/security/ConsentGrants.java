package health.salus.security;

import java.util.List;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Reference;

/**
 * The shape of a patient's consent that the access policy honours: active, a permit provision
 * naming the person or organisation let in, and (optionally) the resource types they may see.
 */
public final class ConsentGrants {

    private ConsentGrants() {
    }

    /** The patient lets {@code actor} ({@code Practitioner/…}, {@code Organization/…}, {@code RelatedPerson/…}) in. */
    public static Consent permit(String patientId, String actor, List<String> resourceTypes) {
        Consent consent = new Consent().setStatus(Consent.ConsentState.ACTIVE)
                .setPatient(new Reference("Patient/" + patientId));
        consent.getScope().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/consentscope")
                .setCode("patient-privacy");
        consent.addCategory().addCoding().setSystem("http://loinc.org").setCode("59284-0");
        consent.getPolicyRule().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode")
                .setCode("OPTIN");
        Consent.ProvisionComponent provision = consent.getProvision().setType(Consent.ConsentProvisionType.PERMIT);
        provision.addActor().setReference(new Reference(actor)).getRole().addCoding()
                .setSystem("http://terminology.hl7.org/CodeSystem/v3-ParticipationType").setCode("IRCP");
        resourceTypes.forEach(type -> provision.addClass_().setSystem("http://hl7.org/fhir/resource-types")
                .setCode(type));
        return consent;
    }
}
