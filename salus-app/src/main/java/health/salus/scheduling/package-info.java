/**
 * Scheduling: practitioners' working hours, breaks and closures per site (in the site's time zone),
 * free-slot search, and booking, rescheduling, cancelling, check-in, no-show and completion of FHIR
 * Appointments written through the resource store as the caller. Double-booking is made impossible by
 * the database (each booking owns 5-minute cells under a unique key), not by a check before the
 * insert. A cancelled slot is offered to the waitlist with a time-limited hold, and the patient is told.
 * Slot suggestions ({@code suggestion}) rank free slots by a weighted, explained score (preferences,
 * urgency, continuity, provider load, no-show risk; ADR 0016). Publishes
 * {@link health.salus.scheduling.AppointmentBooked}, {@link health.salus.scheduling.AppointmentRescheduled}
 * and {@link health.salus.scheduling.AppointmentCancelled} (ids only) for reminders to hang off.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scheduling")
package health.salus.scheduling;
