package health.salus.workspace.clinician;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Patient;

/**
 * What the top of every chart page says about the patient: who they are (name, age, MRN) and what no
 * one must miss (allergies, alerts), and whether the record is open only through break-glass.
 */
record Banner(String patientId, String name, Integer ageYears, Integer ageMonths, String gender, String birthDate,
        String mrn, List<Allergen> allergies, boolean allergiesPermitted, List<String> alerts,
        Optional<String> breakGlassUntil) {

    /** One allergy as the banner lists it; {@code high}: anaphylaxis risk (high criticality). */
    record Allergen(String substance, boolean high) {
    }

    /** v2 table 0203 "MR": the identifier type registration gives medical record numbers. */
    static final String MRN_TYPE = "MR";

    static Optional<String> mrn(Patient patient) {
        return patient.getIdentifier().stream()
                .filter(i -> i.getType().getCoding().stream().anyMatch(c -> MRN_TYPE.equals(c.getCode())))
                .map(i -> i.getValue()).filter(v -> v != null).findFirst();
    }

    /** Whole years, or months under two (how paediatrics counts). */
    static Period age(LocalDate birthDate, LocalDate today) {
        return Period.between(birthDate, today);
    }
}
