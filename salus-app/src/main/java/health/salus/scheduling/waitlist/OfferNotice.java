package health.salus.scheduling.waitlist;

import health.salus.fhir.ResourceStore;
import health.salus.messaging.NotificationRequest;
import health.salus.messaging.Notifications;
import health.salus.scheduling.availability.AvailabilityStore;
import health.salus.security.SystemAccess;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Location;
import org.springframework.stereotype.Component;

/**
 * Tells a waitlisted patient that time is held for them: the {@code waitlist-offer} message with the
 * date and time (at the site, in its time zone), the site's name and until when the hold lasts, nothing
 * clinical (messaging adds the first name). Queued in the offer's transaction, so an offer that rolls
 * back sends nothing; the hold's id is the idempotency key, so one hold sends one message however
 * often the offer is replayed. Runs as Salus: offers come from events and jobs, not from a person.
 */
@Component
class OfferNotice {

    static final String TEMPLATE = "waitlist-offer";
    static final String DEFAULT_CLINIC = "Salus Clinic";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Notifications notifications;
    private final AvailabilityStore availability;
    private final ResourceStore store;
    private final SystemAccess system;

    OfferNotice(Notifications notifications, AvailabilityStore availability, ResourceStore store,
            SystemAccess system) {
        this.notifications = notifications;
        this.availability = availability;
        this.store = store;
        this.system = system;
    }

    void send(String reservationId, String patientId, String locationId, Instant start, Instant holdExpires) {
        ZoneId zone = availability.zone(locationId).orElse(ZoneId.of("UTC"));
        ZonedDateTime localStart = start.atZone(zone);
        ZonedDateTime localExpiry = holdExpires.atZone(zone);
        system.run("waitlist-offer", () -> notifications.send(NotificationRequest.of(patientId, TEMPLATE, Map.of(
                "date", localStart.format(DATE), "time", localStart.format(TIME), "clinic", clinic(locationId),
                "holdExpiry", localExpiry.format(DATE) + " " + localExpiry.format(TIME)),
                TEMPLATE + ":" + reservationId)));
    }

    private String clinic(String locationId) {
        try {
            return Optional.ofNullable(((Location) store.read("Location", locationId)).getName())
                    .filter(name -> !name.isBlank()).orElse(DEFAULT_CLINIC);
        } catch (RuntimeException unreadable) {
            return DEFAULT_CLINIC;
        }
    }
}
