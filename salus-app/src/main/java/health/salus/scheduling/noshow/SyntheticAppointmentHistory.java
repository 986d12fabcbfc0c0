package health.salus.scheduling.noshow;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A clinic's appointment history with realistic no-show behaviour, from a fixed seed: each patient
 * has a latent reliability; long lead times, Monday mornings, late afternoons, young adults, earlier
 * no-shows, new patients and some practitioners raise the risk; involved visits lower it. About one
 * appointment in six is missed and one in sixteen cancelled, as in published primary-care series.
 * Used to bootstrap a model before a clinic has history of its own and to benchmark the recipe.
 */
public final class SyntheticAppointmentHistory {

    public static final ZoneId CLINIC_ZONE = ZoneId.of("America/New_York");
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    private static final int DAYS = 730;
    private static final String[] VISIT_TYPES = {"FOLLOWUP", "ROUTINE", "CHECKUP"};

    private final SplittableRandom random;
    private final int patients;
    private final int practitioners;

    public SyntheticAppointmentHistory(long seed, int patients, int practitioners) {
        this.random = new SplittableRandom(seed);
        this.patients = patients;
        this.practitioners = practitioners;
    }

    /** The default benchmark clinic: 1,500 patients, 12 practitioners, two years. */
    public static List<AppointmentRecord> benchmarkClinic() {
        return new SyntheticAppointmentHistory(20_261_202L, 1500, 12).generate();
    }

    public List<AppointmentRecord> generate() {
        double[] practitionerEffect = new double[practitioners];
        for (int p = 0; p < practitioners; p++) {
            // a few practitioners (long waits, hard to reach) see markedly more no-shows
            practitionerEffect[p] = gaussian() * 0.25 + (p % 5 == 4 ? 0.6 : 0);
        }
        List<AppointmentRecord> all = new ArrayList<>();
        for (int p = 0; p < patients; p++) {
            all.addAll(patientHistory("syn-patient-" + p, practitionerEffect));
        }
        all.sort(Comparator.comparing(AppointmentRecord::start));
        return List.copyOf(all);
    }

    private List<AppointmentRecord> patientHistory(String patientId, double[] practitionerEffect) {
        int age = 1 + random.nextInt(89);
        boolean youngAdult = age >= 18 && age <= 30;
        double reliability = gaussian() * 1.3;
        double visitsPerYear = 2 + exponential(5);
        int usualPractitioner = random.nextInt(practitioners);
        List<AppointmentRecord> history = new ArrayList<>();
        int priorNoShows = 0;
        double day = random.nextDouble() * DAYS * 0.7;
        while (day < DAYS) {
            LocalDate date = workingDay(FIRST_DAY.plusDays((long) day));
            int hour = 8 + random.nextInt(10);
            ZonedDateTime start = ZonedDateTime.of(date, LocalTime.of(hour, random.nextBoolean() ? 0 : 30), CLINIC_ZONE);
            int practitioner = random.nextDouble() < 0.8 ? usualPractitioner : random.nextInt(practitioners);
            boolean newPatient = history.isEmpty();
            String visitType = newPatient ? (random.nextBoolean() ? "CHECKUP" : "ROUTINE")
                    : VISIT_TYPES[random.nextInt(VISIT_TYPES.length)];
            int minutes = switch (visitType) {
                case "FOLLOWUP" -> random.nextBoolean() ? 15 : 20;
                case "ROUTINE" -> 30;
                default -> random.nextBoolean() ? 45 : 60;
            };
            double leadDays = leadDays();
            Instant bookedAt = start.toInstant().minus(Duration.ofMinutes((long) (leadDays * 24 * 60)));

            double logit = -3.5 + reliability
                    + 0.45 * (Math.log1p(leadDays) - 2)
                    + (start.getDayOfWeek() == DayOfWeek.MONDAY && hour < 12 ? 0.55 : 0)
                    + (hour >= 16 ? 0.4 : 0)
                    + (youngAdult ? 0.5 : 0)
                    + 0.45 * Math.min(priorNoShows, 3)
                    + (newPatient ? 0.45 : 0)
                    + practitionerEffect[practitioner]
                    - 0.3 * (VisitTypes.complexity(visitType) - 2)
                    + (date.getDayOfWeek() == DayOfWeek.SATURDAY ? 0.25 : 0);
            AppointmentRecord.Outcome outcome;
            if (random.nextDouble() < 0.04 + 0.01 * Math.log1p(leadDays)) {
                outcome = AppointmentRecord.Outcome.CANCELLED;
            } else if (random.nextDouble() < LogisticRegression.sigmoid(logit)) {
                outcome = AppointmentRecord.Outcome.NO_SHOW;
                priorNoShows++;
            } else {
                outcome = AppointmentRecord.Outcome.ATTENDED;
            }
            history.add(new AppointmentRecord(patientId + "-a" + history.size(), patientId,
                    "syn-practitioner-" + practitioner, start.toInstant(), CLINIC_ZONE, bookedAt,
                    Duration.ofMinutes(minutes), visitType, outcome));
            day = date.toEpochDay() - FIRST_DAY.toEpochDay() + 1 + exponential(365 / visitsPerYear);
        }
        return history;
    }

    /** Most visits are booked days to weeks ahead; some the same week; some months ahead (recalls). */
    private double leadDays() {
        double roll = random.nextDouble();
        if (roll < 0.25) {
            return random.nextDouble() * 3;
        }
        if (roll < 0.8) {
            return 3 + random.nextDouble() * 25;
        }
        return 28 + random.nextDouble() * 120;
    }

    /** Weekdays, with one in twenty Sunday dates moved to a Saturday clinic. */
    private LocalDate workingDay(LocalDate date) {
        if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return random.nextDouble() < 0.05 ? date.minusDays(1) : date.plusDays(1);
        }
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY) {
            return random.nextDouble() < 0.3 ? date : date.plusDays(2);
        }
        return date;
    }

    private double gaussian() {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private double exponential(double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }
}
