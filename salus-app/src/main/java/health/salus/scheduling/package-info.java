/**
 * Scheduling: practitioners' working hours, breaks and closures per site (in the site's time zone),
 * free-slot search, and booking, rescheduling, cancelling, check-in, no-show and completion of FHIR
 * Appointments written through the resource store as the caller. Double-booking is made impossible by
 * the database (each booking owns 5-minute cells under a unique key), not by a check before the
 * insert. A cancelled slot is offered to the waitlist with a time-limited hold, and the patient is told.
 * Slot suggestions ({@code suggestion}) rank free slots by a weighted, explained score (preferences,
 * urgency, continuity, provider load, no-show risk; ADR 0016). Reminders (email a day ahead, texts a day
 * and two hours ahead, an extra one on a high no-show risk; ADR 0015) are durable jobs that follow the
 * appointment's moves and cancellation and go out through messaging; the patient confirms or cancels
 * from a signed link or by texting back "C" or "X", and a confirmation is recorded beside the
 * still-booked Appointment. Publishes {@link health.salus.scheduling.AppointmentBooked},
 * {@link health.salus.scheduling.AppointmentRescheduled}, {@link health.salus.scheduling.AppointmentCancelled},
 * {@link health.salus.scheduling.AppointmentConfirmed} and {@link health.salus.scheduling.HighNoShowRiskDetected}
 * (ids only).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scheduling")
package health.salus.scheduling;
