package health.salus.demo;

import health.salus.demo.ClinicalCatalog.Code;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;

/**
 * Vital-sign and laboratory Observations, coded so they satisfy the R4 vital signs profiles
 * (for instance SpO2 carries both 2708-6 and 59408-5).
 */
final class ObservationWriter {

    static final Code HEIGHT = ClinicalCatalog.loinc("8302-2", "Body height");
    static final Code WEIGHT = ClinicalCatalog.loinc("29463-7", "Body weight");
    static final Code BMI = ClinicalCatalog.loinc("39156-5", "Body mass index (BMI) [Ratio]");
    static final Code BP_PANEL = ClinicalCatalog.loinc("85354-9", "Blood pressure panel with all children optional");
    static final Code SYSTOLIC = ClinicalCatalog.loinc("8480-6", "Systolic blood pressure");
    static final Code DIASTOLIC = ClinicalCatalog.loinc("8462-4", "Diastolic blood pressure");
    static final Code HEART_RATE = ClinicalCatalog.loinc("8867-4", "Heart rate");
    static final Code TEMPERATURE = ClinicalCatalog.loinc("8310-5", "Body temperature");
    static final Code SPO2_ARTERIAL = ClinicalCatalog.loinc("2708-6", "Oxygen saturation in Arterial blood");
    static final Code SPO2_PULSE_OX = ClinicalCatalog.loinc("59408-5",
            "Oxygen saturation in Arterial blood by Pulse oximetry");
    static final Code HBA1C = ClinicalCatalog.loinc("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood");
    static final Code GLUCOSE = ClinicalCatalog.loinc("2339-0", "Glucose [Mass/volume] in Blood");
    static final Code LDL = ClinicalCatalog.loinc("18262-6",
            "Cholesterol in LDL [Mass/volume] in Serum or Plasma by Direct assay");
    static final Code CREATININE = ClinicalCatalog.loinc("2160-0", "Creatinine [Mass/volume] in Serum or Plasma");
    static final Code EGFR = ClinicalCatalog.loinc("33914-3", "Glomerular filtration rate/1.73 sq M.predicted "
            + "[Volume Rate/Area] in Serum or Plasma by Creatinine-based formula (MDRD)");

    /** Where, when and by whom a measurement was taken. */
    record Taken(String encounterRef, ClinicDirectory.Clinician by, LocalDateTime when) {
    }

    private final String patientRef;

    ObservationWriter(String patientRef) {
        this.patientRef = patientRef;
    }

    Observation vital(Code code, Quantity value, Taken taken) {
        return base("vital-signs", "Vital Signs", FhirTypes.concept(code), taken).setValue(value);
    }

    Observation oxygenSaturation(double percent, Taken taken) {
        CodeableConcept code = FhirTypes.concept(SPO2_ARTERIAL).addCoding(FhirTypes.coding(SPO2_PULSE_OX));
        return base("vital-signs", "Vital Signs", code, taken)
                .setValue(FhirTypes.quantity(percent, 0, "%", "%"));
    }

    Observation bloodPressure(Physiology.BloodPressure bp, Taken taken) {
        Observation panel = base("vital-signs", "Vital Signs", FhirTypes.concept(BP_PANEL), taken);
        panel.addComponent().setCode(FhirTypes.concept(SYSTOLIC))
                .setValue(FhirTypes.quantity(bp.systolic(), 0, "mm[Hg]", "mm[Hg]"));
        panel.addComponent().setCode(FhirTypes.concept(DIASTOLIC))
                .setValue(FhirTypes.quantity(bp.diastolic(), 0, "mm[Hg]", "mm[Hg]"));
        return panel;
    }

    Observation lab(Code code, Quantity value, Taken taken) {
        return base("laboratory", "Laboratory", FhirTypes.concept(code), taken).setValue(value);
    }

    /** The standard adult/child vital set, skipping measures not taken at that age. */
    List<Observation> vitalSet(double ageYears, double heightCm, double weightKg, Physiology.BloodPressure bp,
                               double heartRate, double temperature, double spo2, Taken taken) {
        List<Observation> vitals = new ArrayList<>();
        vitals.add(vital(HEIGHT, FhirTypes.quantity(heightCm, 1, "cm", "cm"), taken));
        vitals.add(vital(WEIGHT, FhirTypes.quantity(weightKg, 1, "kg", "kg"), taken));
        if (ageYears >= 2) {
            double bmi = FhirTypes.round(weightKg, 1) / StrictMath.pow(FhirTypes.round(heightCm, 1) / 100, 2);
            vitals.add(vital(BMI, FhirTypes.quantity(bmi, 1, "kg/m2", "kg/m2"), taken));
        }
        if (ageYears >= 3) {
            vitals.add(bloodPressure(bp, taken));
        }
        vitals.add(vital(HEART_RATE, FhirTypes.quantity(heartRate, 0, "/min", "/min"), taken));
        vitals.add(vital(TEMPERATURE, FhirTypes.quantity(temperature, 1, "Cel", "Cel"), taken));
        vitals.add(oxygenSaturation(spo2, taken));
        return vitals;
    }

    private Observation base(String category, String categoryDisplay, CodeableConcept code, Taken taken) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(FhirTypes.concept("http://terminology.hl7.org/CodeSystem/observation-category",
                category, categoryDisplay));
        observation.setCode(code);
        observation.setSubject(FhirTypes.ref(patientRef));
        observation.setEncounter(FhirTypes.ref(taken.encounterRef()));
        observation.setEffective(FhirTypes.dateTime(taken.when()));
        observation.addPerformer(FhirTypes.ref("Practitioner/" + taken.by().id(), taken.by().displayName()));
        return observation;
    }
}
