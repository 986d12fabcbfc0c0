/**
 * The waitlist: patients waiting for a practitioner's time within a window, offered freed time with a
 * time-limited hold. Exposed to other modules (the front desk's booking screen) through
 * {@link health.salus.scheduling.waitlist.Waitlist}, the service the REST API uses.
 */
@org.springframework.modulith.NamedInterface("waitlist")
package health.salus.scheduling.waitlist;
