package health.salus.demo;

import health.salus.demo.ClinicalCatalog.AcuteIllness;
import health.salus.demo.ClinicalCatalog.Allergen;
import health.salus.demo.ClinicalCatalog.ChronicProblem;
import health.salus.demo.ClinicalCatalog.Drug;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * First-line outpatient treatment, simplified from the usual guidelines: ACE inhibitor for
 * hypertension and CKD, metformin plus a statin over 40 for diabetes, inhalers for asthma and
 * COPD, an SSRI for depression, and no penicillins for penicillin-allergic patients.
 */
final class TreatmentGuide {

    private TreatmentGuide() {
    }

    static List<Drug> initialTherapy(ChronicProblem problem, PatientProfile patient, LocalDate day,
                                     Set<Drug> alreadyTaking, Rng rng) {
        List<Drug> drugs = new ArrayList<>();
        switch (problem) {
            case HYPERTENSION, CKD_STAGE_3 -> drugs.add(ClinicalCatalog.LISINOPRIL);
            case DIABETES_TYPE_2 -> {
                drugs.add(ClinicalCatalog.METFORMIN);
                if (patient.ageOn(day) >= 40) {
                    drugs.add(ClinicalCatalog.SIMVASTATIN);
                }
            }
            case HYPERLIPIDEMIA -> drugs.add(ClinicalCatalog.SIMVASTATIN);
            case ASTHMA -> {
                drugs.add(ClinicalCatalog.ALBUTEROL);
                if (rng.chance(0.4)) {
                    drugs.add(ClinicalCatalog.FLUTICASONE);
                }
            }
            case COPD -> drugs.add(ClinicalCatalog.ALBUTEROL);
            case DEPRESSION -> {
                if (rng.chance(0.7)) {
                    drugs.add(ClinicalCatalog.SERTRALINE);
                }
            }
            case OBESITY -> {
                // Lifestyle counselling only; no drug.
            }
        }
        drugs.removeIf(alreadyTaking::contains);
        return drugs;
    }

    static Optional<Drug> acuteTherapy(AcuteIllness illness, PatientProfile patient, Set<ChronicProblem> problems,
                                       Rng rng) {
        Drug antibiotic = patient.allergicTo(Allergen.PENICILLIN) ? ClinicalCatalog.AZITHROMYCIN
                : ClinicalCatalog.AMOXICILLIN;
        return switch (illness) {
            case STREP_THROAT -> Optional.of(antibiotic);
            case OTITIS_MEDIA -> rng.chance(0.8) ? Optional.of(antibiotic) : Optional.empty();
            case VIRAL_SINUSITIS -> rng.chance(0.3) ? Optional.of(antibiotic) : Optional.empty();
            case UPPER_RESPIRATORY_INFECTION -> rng.chance(0.4) ? Optional.of(ClinicalCatalog.ACETAMINOPHEN)
                    : Optional.empty();
            case COVID_19 -> rng.chance(0.6) ? Optional.of(ClinicalCatalog.ACETAMINOPHEN) : Optional.empty();
            case ACUTE_BRONCHITIS -> Optional.empty();
            // NSAIDs are avoided in chronic kidney disease.
            case LOW_BACK_PAIN -> rng.chance(0.7)
                    ? Optional.of(problems.contains(ChronicProblem.CKD_STAGE_3) ? ClinicalCatalog.ACETAMINOPHEN
                            : ClinicalCatalog.IBUPROFEN)
                    : Optional.empty();
        };
    }
}
