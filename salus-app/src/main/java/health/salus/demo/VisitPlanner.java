package health.salus.demo;

import health.salus.demo.ClinicDirectory.Clinician;
import health.salus.demo.ClinicDirectory.Specialty;
import health.salus.demo.ClinicalCatalog.AcuteIllness;
import health.salus.demo.ClinicalCatalog.ChronicProblem;
import health.salus.demo.PatientProfile.ProblemOnset;
import health.salus.demo.Visit.Kind;
import health.salus.demo.Visit.Outcome;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Lays out a patient's calendar over the charted window: well visits by age, follow-ups for
 * chronic problems, sick visits, cardiology for higher-risk hypertension, missed and
 * cancelled appointments (usually rebooked), and a few bookings after the reference date.
 */
final class VisitPlanner {

    static final int HISTORY_YEARS = 5;

    private final ClinicDirectory directory;
    private final LocalDate referenceDate;

    VisitPlanner(ClinicDirectory directory, LocalDate referenceDate) {
        this.directory = directory;
        this.referenceDate = referenceDate;
    }

    /** First day that can appear in the chart: five years back, or a few days after birth. */
    LocalDate windowStart(PatientProfile patient) {
        LocalDate fiveYearsBack = referenceDate.minusYears(HISTORY_YEARS);
        LocalDate afterBirth = patient.birthDate().plusDays(3);
        return afterBirth.isAfter(fiveYearsBack) ? afterBirth : fiveYearsBack;
    }

    List<Visit> plan(PatientProfile patient, Rng rng) {
        LocalDate start = windowStart(patient);
        LocalDate end = referenceDate.minusDays(1);
        List<Visit> visits = new ArrayList<>();
        planWellVisits(patient, rng, start, end, visits);
        planProblemVisits(patient, rng, start, end, visits);
        planSickVisits(patient, rng, start, end, visits);
        planCardiology(patient, rng, start, end, visits);
        planFutureBookings(patient, rng, visits);
        visits.sort(Comparator.comparing(Visit::start));
        return visits;
    }

    private void planWellVisits(PatientProfile patient, Rng rng, LocalDate start, LocalDate end, List<Visit> out) {
        for (int months : VaccineCatalog.WELL_CHILD_MONTHS) {
            LocalDate target = months == 0 ? patient.birthDate().plusDays(4)
                    : patient.birthDate().plusMonths(months).plusDays(rng.between(-5, 14));
            boolean attends = months < 24 ? rng.chance(0.93) : rng.chance(0.55 + 0.4 * patient.engagement());
            if (attends && inWindow(target, start, end)) {
                schedule(patient, rng, Kind.WELL_CHILD, target, end, Optional.empty(), Optional.empty(), months, out);
            }
        }
        int preferredDay = rng.between(0, 364);
        boolean chronic = !patient.problems().isEmpty();
        for (int year = 0; year <= HISTORY_YEARS; year++) {
            LocalDate target = referenceDate.minusYears(HISTORY_YEARS - year).withDayOfYear(1)
                    .plusDays(preferredDay + rng.between(-20, 20));
            boolean adult = patient.ageOn(target) >= 18;
            double attendance = 0.3 + 0.55 * patient.engagement() + (chronic ? 0.1 : 0);
            if (adult && inWindow(target, start, end) && rng.chance(attendance)) {
                schedule(patient, rng, Kind.ANNUAL_PHYSICAL, target, end, Optional.empty(), Optional.empty(), -1, out);
            }
        }
    }

    private void planProblemVisits(PatientProfile patient, Rng rng, LocalDate start, LocalDate end, List<Visit> out) {
        List<ProblemOnset> followed = patient.problems().stream().filter(p -> p.problem().needsFollowUp()).toList();
        for (ProblemOnset onset : patient.problems()) {
            if (onset.problem() != ChronicProblem.OBESITY && inWindow(onset.onset(), start, end)) {
                LocalDate presented = onset.onset().plusDays(rng.between(0, 21));
                schedule(patient, rng, Kind.NEW_PROBLEM, presented, end, Optional.empty(),
                        Optional.of(onset.problem()), -1, out);
            }
        }
        if (followed.isEmpty()) {
            return;
        }
        int perYear = Math.min(4, 1 + followed.size());
        int spacing = 365 / perYear;
        for (LocalDate date = start.plusDays(rng.between(20, spacing)); !date.isAfter(end);
                date = date.plusDays(spacing + rng.between(-20, 20))) {
            LocalDate day = date;
            List<ProblemOnset> active = followed.stream().filter(p -> !p.onset().isAfter(day.minusDays(30))).toList();
            if (!active.isEmpty() && rng.chance(0.6 + 0.35 * patient.engagement())) {
                schedule(patient, rng, Kind.CHRONIC_FOLLOW_UP, day, end, Optional.empty(),
                        Optional.of(rng.pick(active).problem()), -1, out);
            }
        }
    }

    private void planSickVisits(PatientProfile patient, Rng rng, LocalDate start, LocalDate end, List<Visit> out) {
        double years = (end.toEpochDay() - start.toEpochDay()) / 365.25;
        int age = patient.ageOn(referenceDate);
        double perYear = age < 5 ? 1.8 : age < 18 ? 0.9 : age < 65 ? 0.6 : 0.9;
        int count = rng.poisson(perYear * Math.max(0, years));
        for (int i = 0; i < count; i++) {
            LocalDate day = start.plusDays(rng.between(0, (int) (end.toEpochDay() - start.toEpochDay())));
            List<AcuteIllness> candidates = AcuteIllness.forAge(patient.ageOn(day));
            double[] weights = candidates.stream().mapToDouble(VisitPlanner::illnessWeight).toArray();
            AcuteIllness illness = candidates.get(rng.weightedIndex(weights));
            Clinician clinician = rng.chance(0.7) ? clinicianFor(patient, day)
                    : rng.pick(directory.primaryCareAt(patient.primaryCare().siteId(), patient.ageOn(day)));
            LocalDate weekday = weekday(day);
            if (!weekday.isAfter(end)) {
                out.add(new Visit(slot(rng, weekday), Kind.SICK_VISIT, clinician, Outcome.FULFILLED, weekday,
                        Optional.of(illness), Optional.empty(), -1, List.of()));
            }
        }
    }

    private static double illnessWeight(AcuteIllness illness) {
        return switch (illness) {
            case UPPER_RESPIRATORY_INFECTION, OTITIS_MEDIA -> 3;
            case STREP_THROAT, VIRAL_SINUSITIS, LOW_BACK_PAIN -> 1.5;
            case ACUTE_BRONCHITIS, COVID_19 -> 1;
        };
    }

    private void planCardiology(PatientProfile patient, Rng rng, LocalDate start, LocalDate end, List<Visit> out) {
        Optional<ProblemOnset> hypertension = patient.problems().stream()
                .filter(p -> p.problem() == ChronicProblem.HYPERTENSION).findFirst();
        boolean higherRisk = patient.ageOn(referenceDate) >= 55 || patient.has(ChronicProblem.DIABETES_TYPE_2)
                || patient.has(ChronicProblem.CKD_STAGE_3);
        if (hypertension.isEmpty() || !higherRisk || !rng.chance(0.35)) {
            return;
        }
        LocalDate from = hypertension.get().onset().isAfter(start) ? hypertension.get().onset().plusDays(30) : start;
        if (!from.isBefore(end)) {
            return;
        }
        Clinician cardiologist = rng.pick(directory.cardiologists());
        LocalDate consult = from.plusDays(rng.between(0, (int) Math.min(700, end.toEpochDay() - from.toEpochDay())));
        schedule(patient, rng, Kind.CARDIOLOGY_CONSULT, consult, end, Optional.of(cardiologist),
                Optional.of(ChronicProblem.HYPERTENSION), -1, out);
        for (LocalDate next = consult.plusDays(rng.between(330, 400)); !next.isAfter(end);
                next = next.plusDays(rng.between(330, 400))) {
            if (rng.chance(0.7)) {
                schedule(patient, rng, Kind.CARDIOLOGY_FOLLOW_UP, next, end, Optional.of(cardiologist),
                        Optional.of(ChronicProblem.HYPERTENSION), -1, out);
            }
        }
    }

    private void planFutureBookings(PatientProfile patient, Rng rng, List<Visit> out) {
        boolean chronic = patient.problems().stream().anyMatch(p -> p.problem().needsFollowUp());
        int count = chronic ? rng.between(1, 2) : rng.chance(0.45) ? 1 : 0;
        for (int i = 0; i < count; i++) {
            LocalDate day = weekday(referenceDate.plusDays(rng.between(1, 90)));
            boolean adult = patient.ageOn(day) >= 18;
            Kind kind = chronic && i == 0 ? Kind.CHRONIC_FOLLOW_UP : adult ? Kind.ANNUAL_PHYSICAL : Kind.WELL_CHILD;
            LocalDate bookedOn = referenceDate.minusDays(rng.between(0, 60));
            out.add(new Visit(slot(rng, day), kind, clinicianFor(patient, day), Outcome.BOOKED,
                    bookedOn.isBefore(patient.birthDate()) ? patient.birthDate() : bookedOn, Optional.empty(),
                    Optional.empty(), -1, List.of()));
        }
    }

    /**
     * Adds an appointment with its outcome; a missed or cancelled one is usually rebooked a
     * week or few later, which is how real schedules recover.
     */
    private void schedule(PatientProfile patient, Rng rng, Kind kind, LocalDate target, LocalDate end,
                          Optional<Clinician> specialist, Optional<ChronicProblem> focus, int wellChildMonths,
                          List<Visit> out) {
        LocalDate day = weekday(target);
        for (int attempt = 0; attempt < 3 && !day.isAfter(end); attempt++) {
            double noShow = patient.noShowRisk();
            Outcome outcome = switch (rng.weightedIndex(noShow, 0.05, 1 - noShow - 0.05)) {
                case 0 -> Outcome.NO_SHOW;
                case 1 -> Outcome.CANCELLED;
                default -> Outcome.FULFILLED;
            };
            LocalDate bookedOn = day.minusDays(rng.between(3, 60));
            LocalDate earliestBooking = patient.birthDate();
            Clinician clinician = specialist.orElseGet(() -> clinicianFor(patient, target));
            out.add(new Visit(slot(rng, day), kind, clinician, outcome,
                    bookedOn.isBefore(earliestBooking) ? earliestBooking : bookedOn, Optional.empty(), focus,
                    wellChildMonths, List.of()));
            if (outcome == Outcome.FULFILLED || !rng.chance(0.75)) {
                return;
            }
            day = weekday(day.plusDays(rng.between(7, 28)));
        }
    }

    /** The patient's own PCP when appropriate for their age that day, else a colleague who is. */
    Clinician clinicianFor(PatientProfile patient, LocalDate day) {
        int age = patient.ageOn(day);
        Clinician pcp = patient.primaryCare();
        List<Clinician> eligible = directory.primaryCareAt(pcp.siteId(), age);
        if (eligible.contains(pcp)) {
            return pcp;
        }
        Specialty preferred = age < 18 ? Specialty.PEDIATRICS : Specialty.FAMILY_MEDICINE;
        return eligible.stream().filter(c -> c.specialty() == preferred).findFirst().orElse(eligible.get(0));
    }

    private static boolean inWindow(LocalDate day, LocalDate start, LocalDate end) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    static LocalDate weekday(LocalDate day) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
            return day.plusDays(2);
        }
        return day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.plusDays(1) : day;
    }

    static LocalDateTime slot(Rng rng, LocalDate day) {
        return day.atTime(LocalTime.of(8, 0).plusMinutes(20L * rng.between(0, 25)));
    }
}
