package health.salus.patients;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;

/**
 * The patient's acknowledgement of the HIPAA Notice of Privacy Practices as a FHIR Consent (scope
 * patient-privacy). Registration requires one; scheduling books only patients who have one. It names no
 * actor in a provision, so it grants nobody access to the record.
 */
public final class PrivacyNotice {

    public static final String SCOPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentscope";
    public static final String SCOPE_CODE = "patient-privacy";

    private PrivacyNotice() {
    }

    /** {@code patientReference} is {@code Patient/<id>} or the {@code urn:uuid:} of a Patient in the same bundle. */
    public static Consent acknowledgedBy(String patientReference, Instant acknowledgedAt) {
        Consent consent = new Consent().setStatus(Consent.ConsentState.ACTIVE)
                .setScope(new CodeableConcept(new Coding(SCOPE_SYSTEM, SCOPE_CODE, "Privacy Consent")))
                .setPatient(new Reference(patientReference))
                .setDateTimeElement(new DateTimeType(Date.from(acknowledgedAt), TemporalPrecisionEnum.SECOND,
                        TimeZone.getTimeZone("UTC")))
                .setPolicyRule(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/consentpolicycodes",
                        "hipaa-npp", "HIPAA Notice of Privacy Practices")));
        consent.addCategory(new CodeableConcept(new Coding("http://loinc.org", "59284-0", "Patient Consent")));
        consent.addPerformer(new Reference(patientReference));
        consent.addPolicy().setUri("https://www.hhs.gov/hipaa/for-professionals/privacy/guidance/"
                + "privacy-practices-for-protected-health-information/index.html");
        return consent;
    }
}
