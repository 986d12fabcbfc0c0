package health.salus.demo;

import health.salus.demo.VaccineCatalog.Vaccine;
import health.salus.demo.Visit.Kind;
import health.salus.demo.Visit.Outcome;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides which vaccines each visit gives: the childhood schedule at well-child visits, flu
 * every autumn, COVID boosters, and adult Tdap, shingles and pneumococcal doses. A dose with
 * no suitable visit gets a short nurse visit of its own.
 */
final class ImmunizationPlanner {

    private final VisitPlanner visitPlanner;
    private final LocalDate referenceDate;

    ImmunizationPlanner(VisitPlanner visitPlanner, LocalDate referenceDate) {
        this.visitPlanner = visitPlanner;
        this.referenceDate = referenceDate;
    }

    List<Visit> assign(PatientProfile patient, List<Visit> planned, Rng rng) {
        List<Visit> visits = new ArrayList<>(planned);
        List<List<Vaccine>> doses = new ArrayList<>();
        visits.forEach(v -> doses.add(new ArrayList<>()));
        LocalDate start = visitPlanner.windowStart(patient);
        LocalDate end = referenceDate.minusDays(1);

        boolean hesitant = rng.chance(0.05);
        for (int i = 0; i < visits.size(); i++) {
            Visit visit = visits.get(i);
            if (visit.fulfilled() && visit.kind() == Kind.WELL_CHILD && !hesitant) {
                for (Vaccine vaccine : VaccineCatalog.CHILDHOOD_SCHEDULE.getOrDefault(visit.wellChildMonths(), List.of())) {
                    if (rng.chance(0.97)) {
                        doses.get(i).add(vaccine);
                    }
                }
            }
        }
        double willingness = 0.6 + 0.6 * patient.engagement();
        for (int year = start.getYear(); year <= end.getYear(); year++) {
            LocalDate seasonStart = LocalDate.of(year, 9, 15);
            LocalDate seasonEnd = LocalDate.of(year, 11, 30);
            int age = patient.ageOn(seasonEnd);
            boolean oldEnough = patient.exactAgeOn(seasonStart) >= 0.5;
            double fluUptake = age < 5 ? 0.6 : age < 18 ? 0.45 : age < 50 ? 0.33 : age < 65 ? 0.5 : 0.7;
            Vaccine flu = year >= 2024 ? Vaccine.FLU_TRIVALENT : Vaccine.FLU_QUADRIVALENT;
            Optional<Integer> fluVisit = Optional.empty();
            if (oldEnough && !hesitant && rng.chance(Math.min(0.95, fluUptake * willingness))) {
                fluVisit = give(patient, flu, seasonStart, seasonEnd, start, end, visits, doses, rng);
            }
            double covidUptake = age < 18 ? 0.05 : age < 50 ? 0.1 : age < 65 ? 0.2 : 0.4;
            if (year >= 2022 && age >= 5 && !hesitant && rng.chance(covidUptake * willingness)) {
                if (fluVisit.isPresent()) {
                    doses.get(fluVisit.get()).add(Vaccine.COVID_UNSPECIFIED);
                } else {
                    give(patient, Vaccine.COVID_UNSPECIFIED, seasonStart, seasonEnd, start, end, visits, doses, rng);
                }
            }
            if (year == 2021 && age >= 12 && rng.chance(0.08 * willingness)) {
                give(patient, Vaccine.COVID_MRNA_30MCG, LocalDate.of(2021, 11, 1), LocalDate.of(2021, 12, 22),
                        start, end, visits, doses, rng);
            }
        }
        planAdultDoses(patient, visits, doses, end, rng);

        List<Visit> result = new ArrayList<>();
        for (int i = 0; i < visits.size(); i++) {
            result.add(doses.get(i).isEmpty() ? visits.get(i) : visits.get(i).withVaccines(doses.get(i)));
        }
        result.sort(Comparator.comparing(Visit::start));
        return result;
    }

    private void planAdultDoses(PatientProfile patient, List<Visit> visits, List<List<Vaccine>> doses, LocalDate end,
                                Rng rng) {
        boolean wantsTdap = rng.chance(0.25);
        boolean wantsZoster = rng.chance(0.3);
        boolean wantsPcv20 = rng.chance(0.5);
        int physicals = visits.size();
        for (int i = 0; i < physicals; i++) {
            Visit visit = visits.get(i);
            if (!visit.fulfilled() || visit.kind() != Kind.ANNUAL_PHYSICAL) {
                continue;
            }
            int age = patient.ageOn(visit.date());
            if (wantsTdap && age >= 19) {
                doses.get(i).add(Vaccine.TDAP);
                wantsTdap = false;
            }
            if (wantsZoster && age >= 50) {
                doses.get(i).add(Vaccine.ZOSTER_RECOMBINANT);
                wantsZoster = false;
                LocalDate second = VisitPlanner.weekday(visit.date().plusDays(rng.between(60, 180)));
                if (!second.isAfter(end)) {
                    addNurseVisit(patient, second, Vaccine.ZOSTER_RECOMBINANT, visits, doses, rng);
                }
            }
            if (wantsPcv20 && age >= 65) {
                doses.get(i).add(Vaccine.PCV20);
                wantsPcv20 = false;
            }
        }
    }

    /** Gives the dose at the first primary-care visit in the period, or at a new nurse visit. */
    private Optional<Integer> give(PatientProfile patient, Vaccine vaccine, LocalDate from, LocalDate to,
                                   LocalDate windowStart, LocalDate windowEnd, List<Visit> visits,
                                   List<List<Vaccine>> doses, Rng rng) {
        LocalDate first = from.isBefore(windowStart) ? windowStart : from;
        LocalDate last = to.isAfter(windowEnd) ? windowEnd : to;
        if (first.isAfter(last) || patient.exactAgeOn(first) < 0.5) {
            return Optional.empty();
        }
        for (int i = 0; i < visits.size(); i++) {
            Visit visit = visits.get(i);
            // Vaccines wait while the patient is acutely ill, and cardiology does not stock them.
            boolean suitable = visit.fulfilled() && visit.kind() != Kind.SICK_VISIT
                    && visit.clinician().specialty().isPrimaryCare();
            if (suitable && !visit.date().isBefore(first) && !visit.date().isAfter(last)) {
                doses.get(i).add(vaccine);
                return Optional.of(i);
            }
        }
        LocalDate day = VisitPlanner.weekday(first.plusDays(rng.between(0, (int) (last.toEpochDay() - first.toEpochDay()))));
        if (day.isAfter(windowEnd)) {
            return Optional.empty();
        }
        return Optional.of(addNurseVisit(patient, day, vaccine, visits, doses, rng));
    }

    private int addNurseVisit(PatientProfile patient, LocalDate day, Vaccine vaccine, List<Visit> visits,
                              List<List<Vaccine>> doses, Rng rng) {
        LocalDate bookedOn = day.minusDays(rng.between(0, 14));
        visits.add(new Visit(VisitPlanner.slot(rng, day), Kind.IMMUNIZATION, visitPlanner.clinicianFor(patient, day),
                Outcome.FULFILLED, bookedOn.isBefore(patient.birthDate()) ? patient.birthDate() : bookedOn,
                Optional.empty(), Optional.empty(), -1, List.of()));
        doses.add(new ArrayList<>(List.of(vaccine)));
        return visits.size() - 1;
    }
}
