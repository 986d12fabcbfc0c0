package health.salus.workspace.frontdesk;

import java.util.Optional;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/** What the desk reads about a patient to tell them apart: name, birth date, gender and MRN. */
record PatientFacts(String id, String name, String birthDate, String gender, String mrn) {

    static PatientFacts of(Patient patient) {
        return new PatientFacts(Directory.id(patient), Directory.display(patient.getNameFirstRep()),
                patient.hasBirthDate() ? patient.getBirthDateElement().getValueAsString() : "",
                patient.hasGender() ? patient.getGender().toCode() : "unknown", mrn(patient).orElse(""));
    }

    /** The medical record number: the identifier typed MR (HL7 v2-0203). */
    static Optional<String> mrn(Patient patient) {
        return patient.getIdentifier().stream()
                .filter(identifier -> identifier.getType().getCoding().stream().anyMatch(c -> "MR".equals(c.getCode())))
                .map(Identifier::getValue).findFirst();
    }
}
