/**
 * Working hours, closures and free-slot search per site and time zone. Exposed to other modules (the
 * front desk's booking screen) through {@link health.salus.scheduling.availability.SlotSearch} and
 * {@link health.salus.scheduling.availability.AvailabilityStore}'s site zones.
 */
@org.springframework.modulith.NamedInterface("availability")
package health.salus.scheduling.availability;
