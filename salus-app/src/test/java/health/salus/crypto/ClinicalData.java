package health.salus.crypto;

import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/** Small builders for the resources the encryption tests store: every text in them is unique to the test. */
final class ClinicalData {

    static final String MRN_SYSTEM = "urn:salus:test:mrn";

    private ClinicalData() {
    }

    static Patient patient(String family, String given, String mrn) {
        Patient patient = new Patient();
        patient.addName().setFamily(family).addGiven(given);
        patient.addIdentifier().setSystem(MRN_SYSTEM).setValue(mrn);
        patient.setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.FEMALE);
        return patient;
    }

    static Observation heartRate(String patientId, String note) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.setCode(new CodeableConcept(new Coding("http://loinc.org", "8867-4", "Heart rate")));
        observation.setSubject(new Reference("Patient/" + patientId));
        observation.setValue(new Quantity().setValue(72).setUnit("/min").setSystem("http://unitsofmeasure.org")
                .setCode("/min"));
        observation.addNote(new Annotation().setText(note));
        return observation;
    }
}
