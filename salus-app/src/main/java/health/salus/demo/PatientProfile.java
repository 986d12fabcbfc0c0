package health.salus.demo;

import health.salus.demo.ClinicDirectory.Clinician;
import health.salus.demo.ClinicDirectory.Town;
import health.salus.demo.ClinicalCatalog.Allergen;
import health.salus.demo.ClinicalCatalog.ChronicProblem;
import health.salus.demo.ClinicalCatalog.Code;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * Who a synthetic patient is before any visit happens: demographics, the chronic problems
 * and allergies they will have, and traits (engagement, no-show risk) that shape their chart.
 */
record PatientProfile(int index, String mrn, boolean female, LocalDate birthDate, String given,
                      Optional<String> middleName, String family, String language, Address address,
                      String phone, Optional<String> email, Optional<String> maritalStatus,
                      Clinician primaryCare, boolean smoker, List<ProblemOnset> problems,
                      List<AllergyOnset> allergies, Physiology.Baseline physiology,
                      double engagement, double noShowRisk) {

    record Address(String line, Town town, String postalCode) {
    }

    /** A chronic problem and the date it began, possibly before the charted window. */
    record ProblemOnset(ChronicProblem problem, LocalDate onset) {
    }

    record AllergyOnset(Allergen allergen, LocalDate onset, Code reaction) {

        boolean anaphylactic() {
            return reaction.code().equals("39579001");
        }
    }

    int ageOn(LocalDate date) {
        return Period.between(birthDate, date).getYears();
    }

    double exactAgeOn(LocalDate date) {
        return (date.toEpochDay() - birthDate.toEpochDay()) / 365.25;
    }

    boolean has(ChronicProblem problem) {
        return problems.stream().anyMatch(p -> p.problem() == problem);
    }

    /** True once the problem has begun; problems that never occur are never active. */
    boolean hasBy(ChronicProblem problem, LocalDate date) {
        return problems.stream().anyMatch(p -> p.problem() == problem && !p.onset().isAfter(date));
    }

    boolean allergicTo(Allergen allergen) {
        return allergies.stream().anyMatch(a -> a.allergen() == allergen);
    }

    String fullName() {
        return given + " " + family;
    }
}
