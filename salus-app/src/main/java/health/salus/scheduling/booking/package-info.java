/**
 * Booking and the life of an appointment. Exposed to other modules (the front desk's screens) through
 * {@link health.salus.scheduling.booking.Appointments}, the service the REST API uses.
 */
@org.springframework.modulith.NamedInterface("booking")
package health.salus.scheduling.booking;
