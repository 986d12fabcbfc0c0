package health.salus.scheduling.noshow;

import java.time.DayOfWeek;

/**
 * The model's inputs for one appointment, computed point-in-time from the history known when it was
 * booked. Rates are smoothed towards the clinic's base rate so one missed visit does not make a new
 * patient look certain to miss the next.
 *
 * @param patientNoShowRate    smoothed share of the patient's settled visits they missed
 * @param patientNoShows       how many visits the patient missed before
 * @param patientVisits        how many settled visits the patient had before (attended or missed)
 * @param daysSinceLastVisit   days between the patient's last attended visit and this one; -1 for none
 * @param providerNoShowRate   smoothed share of the practitioner's settled visits that were missed
 * @param hour                 local hour of the start
 * @param weekday              local day of the start
 * @param leadDays             days between booking and start
 * @param durationMinutes      booked length
 * @param visitType            appointment type code (HL7 v2-0276 where known)
 * @param visitComplexity      1 (simple) to 3 (involved), from the visit type
 */
public record NoShowFeatures(double patientNoShowRate, int patientNoShows, int patientVisits,
        double daysSinceLastVisit, double providerNoShowRate, int hour, DayOfWeek weekday, double leadDays,
        double durationMinutes, String visitType, int visitComplexity) {

    public boolean weekend() {
        return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
    }

    public boolean newPatient() {
        return patientVisits == 0;
    }
}
