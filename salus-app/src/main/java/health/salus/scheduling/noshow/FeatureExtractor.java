package health.salus.scheduling.noshow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes {@link NoShowFeatures} from an appointment history, point-in-time: an earlier appointment
 * counts only once its outcome was known (its end) before the moment of prediction, so no feature
 * leaks the future into training. Pure: same history in, same features out.
 */
public final class FeatureExtractor {

    /** Pseudo-visits pulling a patient's or practitioner's rate towards the base rate. */
    static final double PATIENT_PRIOR_WEIGHT = 2.0;
    static final double PROVIDER_PRIOR_WEIGHT = 20.0;

    private final double baseRate;

    /** @param baseRate the clinic's overall no-show rate, the prior for people with little history */
    public FeatureExtractor(double baseRate) {
        if (!(baseRate > 0 && baseRate < 1)) {
            throw new IllegalArgumentException("base rate must lie strictly between 0 and 1");
        }
        this.baseRate = baseRate;
    }

    /** The share of settled appointments that were missed, or {@code fallback} when none settled. */
    public static double baseRate(List<AppointmentRecord> history, double fallback) {
        long settled = history.stream().filter(AppointmentRecord::settled).count();
        long missed = history.stream().filter(a -> a.outcome() == AppointmentRecord.Outcome.NO_SHOW).count();
        return settled == 0 || missed == 0 || missed == settled ? fallback : (double) missed / settled;
    }

    /** Features of one appointment as of {@code asOf} (usually its booking time or now). */
    public NoShowFeatures featuresAt(AppointmentRecord target, List<AppointmentRecord> history, Instant asOf) {
        Tally tally = new Tally();
        history.stream()
                .filter(a -> !a.appointmentId().equals(target.appointmentId()) && known(a, asOf))
                .forEach(tally::add);
        return tally.features(target);
    }

    /**
     * Features of every settled appointment, each as of its own booking time, in start order: the
     * training set. One sweep over the history sorted by when outcomes became known.
     */
    public List<LabelledFeatures> trainingSet(List<AppointmentRecord> history) {
        List<AppointmentRecord> targets = history.stream().filter(AppointmentRecord::settled)
                .sorted(Comparator.comparing(AppointmentRecord::bookedAt)).toList();
        List<AppointmentRecord> outcomes = history.stream().filter(AppointmentRecord::settled)
                .sorted(Comparator.comparing(AppointmentRecord::end)).toList();
        Tally tally = new Tally();
        List<LabelledFeatures> rows = new ArrayList<>(targets.size());
        int next = 0;
        for (AppointmentRecord target : targets) {
            while (next < outcomes.size() && known(outcomes.get(next), target.bookedAt())) {
                tally.add(outcomes.get(next++));
            }
            rows.add(new LabelledFeatures(target, tally.features(target),
                    target.outcome() == AppointmentRecord.Outcome.NO_SHOW));
        }
        rows.sort(Comparator.comparing(row -> row.appointment().start()));
        return rows;
    }

    private static boolean known(AppointmentRecord appointment, Instant asOf) {
        return appointment.settled() && !appointment.end().isAfter(asOf);
    }

    /** One training example: the appointment, its features and whether it was missed. */
    public record LabelledFeatures(AppointmentRecord appointment, NoShowFeatures features, boolean noShow) {
    }

    /** Running counts per patient and practitioner of the outcomes known so far. */
    private final class Tally {
        private final Map<String, Counts> patients = new HashMap<>();
        private final Map<String, Counts> practitioners = new HashMap<>();

        void add(AppointmentRecord settled) {
            boolean missed = settled.outcome() == AppointmentRecord.Outcome.NO_SHOW;
            patients.computeIfAbsent(settled.patientId(), id -> new Counts()).add(missed, settled.end());
            practitioners.computeIfAbsent(settled.practitionerId(), id -> new Counts()).add(missed, settled.end());
        }

        NoShowFeatures features(AppointmentRecord target) {
            Counts patient = patients.getOrDefault(target.patientId(), new Counts());
            Counts practitioner = practitioners.getOrDefault(target.practitionerId(), new Counts());
            double daysSinceLastVisit = patient.lastAttendedEnd == null ? -1
                    : Math.max(0, Duration.between(patient.lastAttendedEnd, target.start()).toHours() / 24.0);
            double leadDays = Math.max(0, Duration.between(target.bookedAt(), target.start()).toHours() / 24.0);
            String visitType = VisitTypes.normalise(target.visitType());
            return new NoShowFeatures(
                    patient.smoothedRate(baseRate, PATIENT_PRIOR_WEIGHT), patient.missed, patient.settled,
                    daysSinceLastVisit, practitioner.smoothedRate(baseRate, PROVIDER_PRIOR_WEIGHT),
                    target.localStart().getHour(), target.localStart().getDayOfWeek(), leadDays,
                    target.duration().toMinutes(), visitType, VisitTypes.complexity(visitType));
        }
    }

    private static final class Counts {
        int settled;
        int missed;
        Instant lastAttendedEnd;

        void add(boolean wasMissed, Instant end) {
            settled++;
            if (wasMissed) {
                missed++;
            } else if (lastAttendedEnd == null || end.isAfter(lastAttendedEnd)) {
                lastAttendedEnd = end;
            }
        }

        double smoothedRate(double prior, double priorWeight) {
            return (missed + prior * priorWeight) / (settled + priorWeight);
        }
    }
}
