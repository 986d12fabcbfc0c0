package health.salus.demo;

import health.salus.demo.ClinicDirectory.Clinician;
import health.salus.demo.ClinicalCatalog.AcuteIllness;
import health.salus.demo.ClinicalCatalog.ChronicProblem;
import health.salus.demo.ClinicalCatalog.Code;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** One scheduled slot in a patient's calendar and what became of it. */
record Visit(LocalDateTime start, Kind kind, Clinician clinician, Outcome outcome, LocalDate bookedOn,
             Optional<AcuteIllness> illness, Optional<ChronicProblem> focus, int wellChildMonths,
             List<VaccineCatalog.Vaccine> vaccines) {

    enum Outcome {
        FULFILLED("fulfilled"), NO_SHOW("noshow"), CANCELLED("cancelled"), BOOKED("booked");

        final String appointmentStatus;

        Outcome(String appointmentStatus) {
            this.appointmentStatus = appointmentStatus;
        }
    }

    enum Kind {
        WELL_CHILD(ClinicalCatalog.snomed("410620009", "Well child visit (procedure)"), "CHECKUP", 30),
        ANNUAL_PHYSICAL(ClinicalCatalog.snomed("185349003", "Encounter for check up (procedure)"), "CHECKUP", 40),
        NEW_PROBLEM(ClinicalCatalog.snomed("185347001", "Encounter for problem (procedure)"), "ROUTINE", 30),
        CHRONIC_FOLLOW_UP(ClinicalCatalog.snomed("390906007", "Follow-up encounter (procedure)"), "FOLLOWUP", 20),
        SICK_VISIT(ClinicalCatalog.snomed("185345009", "Encounter for symptom (procedure)"), "WALKIN", 20),
        CARDIOLOGY_CONSULT(ClinicalCatalog.snomed("11429006", "Consultation (procedure)"), "ROUTINE", 45),
        CARDIOLOGY_FOLLOW_UP(ClinicalCatalog.snomed("390906007", "Follow-up encounter (procedure)"), "FOLLOWUP", 30),
        IMMUNIZATION(ClinicalCatalog.snomed("33879002",
                "Administration of vaccine to produce active immunity (procedure)"), "ROUTINE", 15);

        final Code encounterType;
        final String appointmentType;
        final int minutes;

        Kind(Code encounterType, String appointmentType, int minutes) {
            this.encounterType = encounterType;
            this.appointmentType = appointmentType;
            this.minutes = minutes;
        }

        /** Visits where a clinician takes a history and could put a problem on the list. */
        boolean assessesProblems() {
            return this != IMMUNIZATION;
        }
    }

    LocalDate date() {
        return start.toLocalDate();
    }

    LocalDateTime end() {
        return start.plusMinutes(kind.minutes);
    }

    boolean fulfilled() {
        return outcome == Outcome.FULFILLED;
    }

    Visit withVaccines(List<VaccineCatalog.Vaccine> given) {
        return new Visit(start, kind, clinician, outcome, bookedOn, illness, focus, wellChildMonths, List.copyOf(given));
    }
}
