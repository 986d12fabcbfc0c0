/**
 * Patient registration. Exposed to other modules (the staff workspace's registration form) through
 * {@link health.salus.patients.registration.Registrations}, the same checks and service the REST API uses.
 */
@org.springframework.modulith.NamedInterface("registration")
package health.salus.patients.registration;
