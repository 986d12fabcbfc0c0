package health.salus.demo;

import health.salus.demo.ClinicDirectory.Clinician;
import health.salus.demo.ClinicDirectory.Specialty;
import health.salus.demo.ClinicDirectory.Town;
import health.salus.demo.ClinicalCatalog.Allergen;
import health.salus.demo.ClinicalCatalog.ChronicProblem;
import health.salus.demo.PatientProfile.AllergyOnset;
import health.salus.demo.PatientProfile.ProblemOnset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Draws a patient: an age pyramid close to the US population, a catchment town and its
 * clinic, and chronic problems at roughly their US prevalence for the patient's age.
 */
final class PatientProfileFactory {

    private static final int[][] AGE_BANDS = {{0, 4}, {5, 17}, {18, 34}, {35, 49}, {50, 64}, {65, 79}, {80, 95}};
    private static final double[] AGE_BAND_WEIGHTS = {0.06, 0.16, 0.22, 0.19, 0.19, 0.13, 0.05};

    private final ClinicDirectory directory;
    private final LocalDate referenceDate;

    PatientProfileFactory(ClinicDirectory directory, LocalDate referenceDate) {
        this.directory = directory;
        this.referenceDate = referenceDate;
    }

    PatientProfile create(int index, Rng rng) {
        boolean female = rng.chance(0.51);
        int[] band = AGE_BANDS[rng.weightedIndex(AGE_BAND_WEIGHTS)];
        int age = rng.between(band[0], band[1]);
        // Age 0 still leaves a few days so the newborn visit falls before the reference date.
        LocalDate birthDate = referenceDate.minusYears(age).minusDays(rng.between(age == 0 ? 5 : 0, 364));

        boolean spanish = rng.chance(0.16);
        String given = pickGiven(rng, female, spanish);
        Optional<String> middle = rng.chance(0.4) ? Optional.of(pickGiven(rng, female, spanish)) : Optional.empty();
        String family = spanish && rng.chance(0.95) ? rng.pick(NamePools.HISPANIC_FAMILY) : rng.pick(NamePools.FAMILY);

        Town town = directory.catchment().get(rng.weightedIndex(
                directory.catchment().stream().mapToDouble(Town::weight).toArray()));
        String line = rng.between(100, 9899) + " " + rng.pick(NamePools.STREET_DIRECTIONS) + " "
                + rng.pick(NamePools.STREETS) + " " + rng.pick(NamePools.STREET_SUFFIXES)
                + (rng.chance(0.25) ? " Apt " + rng.between(1, 350) : "");
        PatientProfile.Address address = new PatientProfile.Address(line, town, rng.pick(town.postalCodes()));
        String phone = "(" + town.areaCode() + ") 555-01" + String.format(Locale.ROOT, "%02d", rng.between(0, 99));
        Optional<String> email = age >= 16
                ? Optional.of(Emails.localPart(given + "." + family) + rng.between(1, 99) + "@"
                        + rng.pick(List.of("example.com", "example.net", "example.org")))
                : Optional.empty();

        boolean smoker = age >= 18 && rng.chance(0.13);
        boolean obese = age >= 18 ? rng.chance(0.38) : rng.chance(0.17);
        List<ProblemOnset> problems = drawProblems(rng, birthDate, age, female, smoker, obese);
        boolean hasDiabetes = problems.stream().anyMatch(p -> p.problem() == ChronicProblem.DIABETES_TYPE_2);
        boolean hasLipids = problems.stream().anyMatch(p -> p.problem() == ChronicProblem.HYPERLIPIDEMIA);
        boolean hasCkd = problems.stream().anyMatch(p -> p.problem() == ChronicProblem.CKD_STAGE_3);
        Physiology.Baseline physiology = Physiology.draw(rng, female, obese, hasDiabetes, hasLipids, hasCkd);

        double engagement = Math.min(1, rng.uniform(0.35, 1.0) + (age >= 65 ? 0.1 : 0));
        boolean depressed = problems.stream().anyMatch(p -> p.problem() == ChronicProblem.DEPRESSION);
        // Younger adults, smokers and patients with depression miss more appointments.
        double noShowRisk = 0.11 * (age >= 18 && age < 35 ? 1.7 : age >= 65 ? 0.6 : 1.0)
                * (depressed ? 1.6 : 1.0) * (smoker ? 1.3 : 1.0) * (1.5 - engagement * 0.7);

        return new PatientProfile(index, String.format(Locale.ROOT, "M%08d", index + 1), female, birthDate, given,
                middle, family, spanish ? "es" : "en", address, phone, email, maritalStatus(rng, age),
                primaryCare(rng, town.siteId(), age), smoker, List.copyOf(problems), drawAllergies(rng, birthDate, age),
                physiology, engagement, noShowRisk);
    }

    private static String pickGiven(Rng rng, boolean female, boolean spanish) {
        if (spanish && rng.chance(0.85)) {
            return rng.pick(female ? NamePools.HISPANIC_FEMALE : NamePools.HISPANIC_MALE);
        }
        return rng.pick(female ? NamePools.FEMALE : NamePools.MALE);
    }

    private Clinician primaryCare(Rng rng, String siteId, int age) {
        List<Clinician> candidates = directory.primaryCareAt(siteId, age);
        if (age < 18 && rng.chance(0.7)) {
            List<Clinician> pediatricians = candidates.stream()
                    .filter(c -> c.specialty() == Specialty.PEDIATRICS).toList();
            if (!pediatricians.isEmpty()) {
                return rng.pick(pediatricians);
            }
        }
        return rng.pick(candidates);
    }

    private static Optional<String> maritalStatus(Rng rng, int age) {
        if (age < 18) {
            return Optional.empty();
        }
        double married = age < 25 ? 0.1 : age < 65 ? 0.52 : 0.55;
        double divorced = age < 25 ? 0.01 : 0.12;
        double widowed = age < 60 ? 0.01 : age < 80 ? 0.15 : 0.4;
        String[] codes = {"S", "M", "D", "W"};
        return Optional.of(codes[rng.weightedIndex(Math.max(0.05, 1 - married - divorced - widowed), married,
                divorced, widowed)]);
    }

    private List<ProblemOnset> drawProblems(Rng rng, LocalDate birthDate, int age, boolean female, boolean smoker,
                                            boolean obese) {
        List<ProblemOnset> problems = new ArrayList<>();
        if (obese && age >= 18) {
            problems.add(onset(rng, ChronicProblem.OBESITY, birthDate, age, 10));
        }
        boolean diabetic = rng.chance(band(age, 25, 45, 65, 0, 0.04, 0.14, 0.22) * (obese ? 2.0 : 0.7));
        if (diabetic) {
            problems.add(onset(rng, ChronicProblem.DIABETES_TYPE_2, birthDate, age, 15));
        }
        boolean hypertensive = rng.chance(Math.min(0.9,
                band(age, 18, 40, 60, 0, 0.07, 0.30, 0.58) * (obese ? 1.3 : 0.9) * (diabetic ? 1.3 : 1)));
        if (hypertensive) {
            problems.add(onset(rng, ChronicProblem.HYPERTENSION, birthDate, age, 20));
        }
        if (rng.chance(band(age, 25, 40, 60, 0, 0.08, 0.28, 0.42) * (diabetic ? 1.3 : 1))) {
            problems.add(onset(rng, ChronicProblem.HYPERLIPIDEMIA, birthDate, age, 20));
        }
        double ckdRisk = band(age, 40, 60, 75, 0, 0.02, 0.07, 0.15) + (age >= 40 && diabetic ? 0.08 : 0)
                + (age >= 40 && hypertensive ? 0.04 : 0);
        if (rng.chance(ckdRisk)) {
            problems.add(onset(rng, ChronicProblem.CKD_STAGE_3, birthDate, age, 8));
        }
        if (rng.chance(band(age, 40, 65, 200, 0, smoker ? 0.15 : 0.03, smoker ? 0.25 : 0.07, 0))) {
            problems.add(onset(rng, ChronicProblem.COPD, birthDate, age, 10));
        }
        if (age >= 2 && rng.chance(0.08)) {
            problems.add(onset(rng, ChronicProblem.ASTHMA, birthDate, age, rng.chance(0.6) ? age : 15));
        }
        if (rng.chance(band(age, 12, 18, 65, 0, 0.06, 0.09, 0.06) * (female ? 1.4 : 0.7))) {
            problems.add(onset(rng, ChronicProblem.DEPRESSION, birthDate, age, 12));
        }
        return problems;
    }

    /** Prevalence step function: below a, [a,b), [b,c), c and above. */
    private static double band(int age, int a, int b, int c, double p0, double p1, double p2, double p3) {
        return age < a ? p0 : age < b ? p1 : age < c ? p2 : p3;
    }

    private ProblemOnset onset(Rng rng, ChronicProblem problem, LocalDate birthDate, int age, int maxYearsAgo) {
        LocalDate earliest = birthDate.plusYears(problem.earliestOnsetAge);
        LocalDate latest = referenceDate.minusDays(30);
        LocalDate candidate = referenceDate.minusDays((long) (rng.uniform(0, Math.min(maxYearsAgo, age)) * 365.25));
        if (candidate.isBefore(earliest)) {
            candidate = earliest.plusDays(rng.between(0, 180));
        }
        return new ProblemOnset(problem, candidate.isAfter(latest) ? latest : candidate);
    }

    private List<AllergyOnset> drawAllergies(Rng rng, LocalDate birthDate, int age) {
        List<AllergyOnset> allergies = new ArrayList<>();
        for (Allergen allergen : Allergen.values()) {
            int minAge = allergen == Allergen.LATEX ? 18 : 1;
            if (age < minAge + 1 || !rng.chance(allergen.prevalence)) {
                continue;
            }
            int onsetAge = allergen == Allergen.PEANUT ? rng.between(1, Math.min(3, age - 1))
                    : rng.between(minAge, age - 1);
            LocalDate onset = birthDate.plusYears(onsetAge).plusDays(rng.between(0, 300));
            if (onset.isAfter(referenceDate.minusDays(30))) {
                onset = referenceDate.minusDays(30);
            }
            allergies.add(new AllergyOnset(allergen, onset, rng.pick(allergen.reactions)));
        }
        return List.copyOf(allergies);
    }
}
