package health.salus.scheduling.reminders;

import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import health.salus.fhir.ResourceStore;
import health.salus.messaging.ContactPreferences;
import health.salus.messaging.Notifications;
import health.salus.scheduling.availability.AvailabilityStore;
import health.salus.scheduling.booking.AppointmentView;
import health.salus.scheduling.booking.Appointments;
import health.salus.security.SystemAccess;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.hl7.fhir.r4.model.Location;
import org.springframework.stereotype.Component;

/**
 * Reminders and the patient's answers act for nobody signed in, so they read the appointment as Salus
 * (audited as a system access). What they show of it is the minimum: date, time and the site's name.
 */
@Component
class ReminderAppointments {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** What a reminder or the response page says of an appointment (nothing clinical). */
    record Wording(String date, String time, String clinic) {
    }

    private final Appointments appointments;
    private final ResourceStore store;
    private final AvailabilityStore sites;
    private final Notifications notifications;
    private final SystemAccess system;
    private final ReminderProperties properties;

    ReminderAppointments(Appointments appointments, ResourceStore store, AvailabilityStore sites,
            Notifications notifications, SystemAccess system, ReminderProperties properties) {
        this.appointments = appointments;
        this.store = store;
        this.sites = sites;
        this.notifications = notifications;
        this.system = system;
        this.properties = properties;
    }

    /** The appointment as stored now; empty when it no longer exists. */
    Optional<AppointmentView> current(String appointmentId) {
        try {
            return Optional.of(system.call("appointment-reminder", () -> appointments.read(appointmentId)));
        } catch (ResourceNotFoundException | ResourceGoneException gone) {
            return Optional.empty();
        }
    }

    /**
     * Time at the site, where the patient has to be; a video visit in the patient's own zone when they
     * set one. The site's name is configuration, not patient data.
     */
    Wording wording(AppointmentView appointment) {
        ZoneId site = sites.zone(appointment.location()).orElse(properties.clinicZone());
        ZoneId zone = "telehealth".equals(appointment.visitMode())
                ? notifications.preferencesOf(appointment.patient()).map(ContactPreferences::timeZone).orElse(site)
                : site;
        ZonedDateTime local = appointment.start().atZone(zone);
        return new Wording(DATE.format(local), TIME.format(local), clinicName(appointment.location()));
    }

    /** Whether the appointment is still booked for the start a reminder or link was made for (to the second). */
    static boolean stillBookedFor(AppointmentView appointment, Instant start) {
        return "booked".equals(appointment.status())
                && appointment.start().getEpochSecond() == start.getEpochSecond();
    }

    private String clinicName(String locationId) {
        if (locationId.isEmpty()) {
            return "Salus Clinic";
        }
        try {
            Location location = system.call("appointment-reminder", () -> (Location) store.read("Location", locationId));
            return location.hasName() ? location.getName() : "Salus Clinic";
        } catch (ResourceNotFoundException | ResourceGoneException gone) {
            return "Salus Clinic";
        }
    }
}
