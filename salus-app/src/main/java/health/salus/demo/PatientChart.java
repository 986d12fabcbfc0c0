package health.salus.demo;

import health.salus.demo.ClinicalCatalog.AcuteIllness;
import health.salus.demo.ClinicalCatalog.Allergen;
import health.salus.demo.ClinicalCatalog.ChronicProblem;
import health.salus.demo.ClinicalCatalog.Drug;
import health.salus.demo.PatientProfile.AllergyOnset;
import health.salus.demo.PatientProfile.ProblemOnset;
import health.salus.demo.VaccineCatalog.Vaccine;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes one patient's chart visit by visit, remembering what is already on the problem list
 * and which drugs are being taken, so each visit's findings follow from the ones before.
 */
final class PatientChart {

    private static final Set<AcuteIllness> RESPIRATORY = EnumSet.of(AcuteIllness.UPPER_RESPIRATORY_INFECTION,
            AcuteIllness.ACUTE_BRONCHITIS, AcuteIllness.COVID_19, AcuteIllness.VIRAL_SINUSITIS);
    private static final List<Drug> BLOOD_PRESSURE_DRUGS = List.of(ClinicalCatalog.LISINOPRIL,
            ClinicalCatalog.AMLODIPINE, ClinicalCatalog.HYDROCHLOROTHIAZIDE);

    private final PatientProfile patient;
    private final Rng rng;
    private final PatientBundleBuilder bundle;
    private final EncounterWriter encounters;
    private final LocalDate referenceDate;
    private final LocalDate windowStart;
    private final String patientRef;
    private final ObservationWriter observations;
    private final ClinicalResourceWriter clinical;
    private final LabOrders labs;

    private final Map<ChronicProblem, String> problemList = new EnumMap<>(ChronicProblem.class);
    private final Map<Drug, LocalDate> therapyStart = new LinkedHashMap<>();
    private final Set<Allergen> recordedAllergies = EnumSet.noneOf(Allergen.class);
    private boolean leftArmNext;

    PatientChart(PatientProfile patient, Rng rng, PatientBundleBuilder bundle, EncounterWriter encounters,
                 LocalDate referenceDate, LocalDate windowStart, String patientRef) {
        this.patient = patient;
        this.rng = rng;
        this.bundle = bundle;
        this.encounters = encounters;
        this.referenceDate = referenceDate;
        this.windowStart = windowStart;
        this.patientRef = patientRef;
        this.observations = new ObservationWriter(patientRef);
        this.clinical = new ClinicalResourceWriter(patientRef);
        this.labs = new LabOrders(patient, rng, observations, windowStart);
    }

    void record(Visit visit) {
        boolean cancelledByPatient = rng.chance(0.7);
        String appointmentRef = bundle.add(encounters.appointment(visit, patientRef, patient.fullName(),
                cancelledByPatient));
        if (!visit.fulfilled()) {
            return;
        }
        String encounterRef = bundle.add(encounters.encounter(visit, patientRef, patient.fullName(), appointmentRef));
        Physiology.BloodPressure bp = recordVitals(visit, encounterRef);
        if (visit.kind().assessesProblems()) {
            recordAllergies(visit, encounterRef);
            recordProblems(visit, encounterRef);
            adjustBloodPressureTherapy(visit, encounterRef, bp);
            visit.illness().ifPresent(illness -> recordIllness(visit, illness, encounterRef));
            labs.order(visit, encounterRef, problemList.keySet(), therapyStart).forEach(bundle::add);
        }
        recordVaccines(visit, encounterRef);
    }

    private Physiology.BloodPressure recordVitals(Visit visit, String encounterRef) {
        LocalDate day = visit.date();
        double age = patient.exactAgeOn(day);
        double years = (day.toEpochDay() - windowStart.toEpochDay()) / 365.25;
        Physiology.Baseline base = patient.physiology();
        double height = Physiology.heightCm(base, patient.female(), age) + rng.gaussian(0, 0.3);
        double bmi = Physiology.bmi(base, age, years) + rng.gaussian(0, 0.25);
        double weight = bmi * StrictMath.pow(height / 100, 2);
        int bpDrugs = (int) BLOOD_PRESSURE_DRUGS.stream().filter(d -> onTherapy(d, day, 14)).count();
        Physiology.BloodPressure bp = Physiology.bloodPressure(rng, base, age,
                patient.hasBy(ChronicProblem.HYPERTENSION, day), bpDrugs);
        Optional<AcuteIllness> illness = visit.illness();
        boolean febrile = illness.isPresent() && illness.get().febrile && rng.chance(0.6);
        boolean copd = patient.hasBy(ChronicProblem.COPD, day);
        double heartRate = Physiology.heartRate(rng, base, age, copd, febrile);
        double temperature = Physiology.temperatureCelsius(rng, febrile);
        double spo2 = Physiology.oxygenSaturation(rng, copd, illness.filter(RESPIRATORY::contains).isPresent());
        ObservationWriter.Taken taken = new ObservationWriter.Taken(encounterRef, visit.clinician(),
                visit.start().plusMinutes(5));
        if (visit.kind() == Visit.Kind.IMMUNIZATION) {
            bundle.add(observations.vital(ObservationWriter.TEMPERATURE,
                    FhirTypes.quantity(temperature, 1, "Cel", "Cel"), taken));
        } else {
            observations.vitalSet(age, height, weight, bp, heartRate, temperature, spo2, taken).forEach(bundle::add);
        }
        return bp;
    }

    private void recordAllergies(Visit visit, String encounterRef) {
        for (AllergyOnset allergy : patient.allergies()) {
            if (!allergy.onset().isAfter(visit.date()) && recordedAllergies.add(allergy.allergen())) {
                bundle.add(clinical.allergy(allergy, visit.start().plusMinutes(10), encounterRef, visit.clinician()));
            }
        }
    }

    private void recordProblems(Visit visit, String encounterRef) {
        for (ProblemOnset onset : patient.problems()) {
            ChronicProblem problem = onset.problem();
            if (problemList.containsKey(problem) || onset.onset().isAfter(visit.date())) {
                continue;
            }
            String conditionRef = bundle.add(clinical.condition(problem.snomed, problem.icd10, true, onset.onset(),
                    Optional.empty(), visit.start().plusMinutes(15), encounterRef, visit.clinician()));
            problemList.put(problem, conditionRef);
            // Problems older than the chart were already being treated; new ones start today.
            LocalDate started = onset.onset().isBefore(windowStart) ? onset.onset().plusDays(14) : visit.date();
            for (Drug drug : TreatmentGuide.initialTherapy(problem, patient, visit.date(), therapyStart.keySet(), rng)) {
                startTherapy(drug, started, visit, encounterRef, conditionRef);
            }
        }
    }

    private void adjustBloodPressureTherapy(Visit visit, String encounterRef, Physiology.BloodPressure bp) {
        String hypertensionRef = problemList.get(ChronicProblem.HYPERTENSION);
        boolean reviewVisit = visit.kind() == Visit.Kind.CHRONIC_FOLLOW_UP
                || visit.kind() == Visit.Kind.CARDIOLOGY_CONSULT || visit.kind() == Visit.Kind.CARDIOLOGY_FOLLOW_UP;
        long drugs = BLOOD_PRESSURE_DRUGS.stream().filter(therapyStart::containsKey).count();
        if (hypertensionRef == null || !reviewVisit || bp.systolic() < 140 || drugs >= 2 || !rng.chance(0.6)) {
            return;
        }
        Drug added = patient.allergicTo(Allergen.SULFONAMIDE) || rng.chance(0.6) ? ClinicalCatalog.AMLODIPINE
                : ClinicalCatalog.HYDROCHLOROTHIAZIDE;
        if (!therapyStart.containsKey(added)) {
            startTherapy(added, visit.date(), visit, encounterRef, hypertensionRef);
        }
    }

    private void recordIllness(Visit visit, AcuteIllness illness, String encounterRef) {
        LocalDate onset = visit.date().minusDays(rng.between(1, 5));
        if (onset.isBefore(patient.birthDate())) {
            onset = patient.birthDate();
        }
        int course = illness == AcuteIllness.LOW_BACK_PAIN ? rng.between(14, 42) : rng.between(5, 14);
        LocalDate resolved = visit.date().plusDays(course);
        Optional<LocalDate> abatement = resolved.isAfter(referenceDate) ? Optional.empty() : Optional.of(resolved);
        String conditionRef = bundle.add(clinical.condition(illness.snomed, illness.icd10, false, onset, abatement,
                visit.start().plusMinutes(15), encounterRef, visit.clinician()));
        TreatmentGuide.acuteTherapy(illness, patient, problemList.keySet(), rng).ifPresent(drug -> {
            LocalDateTime authored = visit.start().plusMinutes(visit.kind().minutes - 2);
            boolean ongoing = authored.toLocalDate().plusDays(drug.daysSupply()).isAfter(referenceDate);
            bundle.add(clinical.prescription(drug, ongoing, authored, encounterRef, visit.clinician(), conditionRef));
        });
    }

    private void startTherapy(Drug drug, LocalDate started, Visit visit, String encounterRef, String reasonRef) {
        LocalDate effectiveStart = started.isBefore(patient.birthDate()) ? patient.birthDate() : started;
        therapyStart.put(drug, effectiveStart);
        LocalDateTime authored = visit.start().plusMinutes(visit.kind().minutes - 2);
        bundle.add(clinical.prescription(drug, true, authored, encounterRef, visit.clinician(), reasonRef));
    }

    private boolean onTherapy(Drug drug, LocalDate day, int daysToTakeEffect) {
        LocalDate start = therapyStart.get(drug);
        return start != null && !start.plusDays(daysToTakeEffect).isAfter(day);
    }

    private void recordVaccines(Visit visit, String encounterRef) {
        boolean infant = patient.exactAgeOn(visit.date()) < 3;
        LocalDateTime given = visit.start().plusMinutes(visit.kind().minutes - 5);
        for (Vaccine vaccine : visit.vaccines()) {
            leftArmNext = !leftArmNext;
            String lot = lotNumber();
            bundle.add(clinical.immunization(vaccine, given, encounterRef, visit.clinician(), infant, leftArmNext, lot));
        }
    }

    private String lotNumber() {
        StringBuilder lot = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            lot.append((char) ('A' + rng.between(0, 25)));
        }
        return lot.append(rng.between(1000, 9999)).toString();
    }
}
