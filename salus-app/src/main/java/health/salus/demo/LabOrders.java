package health.salus.demo;

import health.salus.demo.ClinicalCatalog.ChronicProblem;
import health.salus.demo.ClinicalCatalog.Drug;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Observation;

/**
 * Which labs a visit orders and their results: HbA1c every few months for diabetes, yearly
 * lipids and kidney function for cardiometabolic problems, and screening at adult physicals.
 */
final class LabOrders {

    private final PatientProfile patient;
    private final Rng rng;
    private final ObservationWriter observations;
    private final LocalDate windowStart;
    private LocalDate lastA1c = LocalDate.MIN;
    private LocalDate lastGlucose = LocalDate.MIN;
    private LocalDate lastLipids = LocalDate.MIN;
    private LocalDate lastKidney = LocalDate.MIN;

    LabOrders(PatientProfile patient, Rng rng, ObservationWriter observations, LocalDate windowStart) {
        this.patient = patient;
        this.rng = rng;
        this.observations = observations;
        this.windowStart = windowStart;
    }

    List<Observation> order(Visit visit, String encounterRef, Set<ChronicProblem> problemList,
                            Map<Drug, LocalDate> therapyStart) {
        LocalDate day = visit.date();
        int age = patient.ageOn(day);
        if (age < 18 || visit.kind() == Visit.Kind.SICK_VISIT) {
            return List.of();
        }
        boolean physical = visit.kind() == Visit.Kind.ANNUAL_PHYSICAL;
        boolean diabetic = problemList.contains(ChronicProblem.DIABETES_TYPE_2);
        boolean lipids = problemList.contains(ChronicProblem.HYPERLIPIDEMIA);
        boolean kidneyRisk = diabetic || problemList.contains(ChronicProblem.HYPERTENSION)
                || problemList.contains(ChronicProblem.CKD_STAGE_3);
        boolean ckd = problemList.contains(ChronicProblem.CKD_STAGE_3);
        ObservationWriter.Taken drawn = new ObservationWriter.Taken(encounterRef, visit.clinician(),
                visit.start().plusMinutes(15));
        Physiology.Baseline base = patient.physiology();
        List<Observation> results = new ArrayList<>();

        boolean screenGlucose = physical && age >= 35 && daysSince(lastGlucose, day) >= 330;
        if ((diabetic && daysSince(lastA1c, day) >= 80) || screenGlucose) {
            double a1c = Physiology.a1c(rng, base, onTherapy(therapyStart, ClinicalCatalog.METFORMIN, day, 60));
            if (!diabetic) {
                a1c = Math.min(a1c, 6.1);
            } else if (!onTherapy(therapyStart, ClinicalCatalog.METFORMIN, day, 60)) {
                a1c = Math.max(a1c, 6.6);
            }
            if (diabetic || problemList.contains(ChronicProblem.OBESITY)) {
                results.add(observations.lab(ObservationWriter.HBA1C, FhirTypes.quantity(a1c, 1, "%", "%"), drawn));
                lastA1c = day;
            }
            results.add(observations.lab(ObservationWriter.GLUCOSE,
                    FhirTypes.quantity(Physiology.glucoseMgDl(rng, a1c), 0, "mg/dL", "mg/dL"), drawn));
            lastGlucose = day;
        }
        boolean lipidScreen = physical && age >= 40;
        if ((lipids || diabetic || lipidScreen) && daysSince(lastLipids, day) >= 330) {
            double ldl = Physiology.ldl(rng, base, onTherapy(therapyStart, ClinicalCatalog.SIMVASTATIN, day, 42));
            if (!lipids) {
                ldl = Math.min(ldl, 129);
            }
            results.add(observations.lab(ObservationWriter.LDL, FhirTypes.quantity(ldl, 0, "mg/dL", "mg/dL"), drawn));
            lastLipids = day;
        }
        if (kidneyRisk && daysSince(lastKidney, day) >= (ckd ? 150 : 330)) {
            double years = (day.toEpochDay() - windowStart.toEpochDay()) / 365.25;
            double[] kidney = Physiology.creatinineAndEgfr(rng, base, patient.female(), patient.exactAgeOn(day), ckd,
                    years);
            results.add(observations.lab(ObservationWriter.CREATININE,
                    FhirTypes.quantity(kidney[0], 2, "mg/dL", "mg/dL"), drawn));
            results.add(observations.lab(ObservationWriter.EGFR,
                    FhirTypes.quantity(kidney[1], 0, "mL/min/{1.73_m2}", "mL/min/1.73m2"), drawn));
            lastKidney = day;
        }
        return results;
    }

    private static long daysSince(LocalDate last, LocalDate day) {
        return last.equals(LocalDate.MIN) ? Long.MAX_VALUE : day.toEpochDay() - last.toEpochDay();
    }

    private static boolean onTherapy(Map<Drug, LocalDate> therapyStart, Drug drug, LocalDate day, int lagDays) {
        LocalDate start = therapyStart.get(drug);
        return start != null && !start.plusDays(lagDays).isAfter(day);
    }
}
