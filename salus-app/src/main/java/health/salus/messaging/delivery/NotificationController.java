package health.salus.messaging.delivery;

import health.salus.crypto.PatientDataCipher;
import health.salus.messaging.delivery.NotificationRows.Delivery;
import health.salus.messaging.delivery.NotificationRows.Notification;
import health.salus.security.CurrentSubject;
import health.salus.security.Role;
import health.salus.security.Subject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Delivery status for the front desk, administrators and the patient it was for; the signed-in
 * patient's own notifications (the in-app list) and marking one read. Status carries ids, codes and
 * times; only the patient's own list shows message text.
 */
@RestController
class NotificationController {

    private static final int MY_LIST_LIMIT = 100;

    private final NotificationRows rows;
    private final PatientDataCipher cipher;
    private final CurrentSubject subjects;
    private final Clock clock;

    NotificationController(NotificationRows rows, PatientDataCipher cipher, CurrentSubject subjects, Clock clock) {
        this.rows = rows;
        this.cipher = cipher;
        this.subjects = subjects;
        this.clock = clock;
    }

    record DeliveryView(String channel, String status, int attempts, String lastError, Instant due,
            Instant updated, Instant sent) {
    }

    record StatusView(String id, String patientId, String templateKey, Instant requested, List<DeliveryView> deliveries) {
    }

    record InAppView(String id, String templateKey, Instant requested, boolean read, String text) {
    }

    @GetMapping("/api/notifications/{id}")
    StatusView status(@PathVariable String id) {
        Subject subject = subjects.require();
        Notification notification = rows.notification(id).orElseThrow(NotificationController::notFound);
        boolean staff = subject.hasRole(Role.FRONT_DESK) || subject.hasRole(Role.ADMINISTRATOR);
        boolean self = ownPatient(subject).filter(notification.patientId()::equals).isPresent();
        if (!staff && !self) {
            throw forbidden();
        }
        return new StatusView(notification.id(), notification.patientId(), notification.templateKey(),
                notification.requestedAt(), rows.deliveriesOf(id).stream().map(NotificationController::view).toList());
    }

    @GetMapping("/api/notifications/me")
    List<InAppView> mine() {
        String patientId = ownPatient(subjects.require()).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.FORBIDDEN, "Only a patient has notifications of their own"));
        return rows.ofPatient(patientId, MY_LIST_LIMIT).stream().map(n -> new InAppView(n.id(), n.templateKey(),
                n.requestedAt(), n.readAt().isPresent(), text(n))).toList();
    }

    @PostMapping("/api/notifications/{id}/read")
    StatusView markRead(@PathVariable String id) {
        Subject subject = subjects.require();
        Notification notification = rows.notification(id).orElseThrow(NotificationController::notFound);
        if (ownPatient(subject).filter(notification.patientId()::equals).isEmpty()) {
            throw forbidden();
        }
        rows.markRead(notification.id(), clock.instant());
        return status(id);
    }

    /** The text the patient was sent (the short form), once a delivery rendered it. */
    private String text(Notification notification) {
        return rows.deliveriesOf(notification.id()).stream().map(Delivery::body).flatMap(Optional::stream)
                .findFirst().map(sealed -> MessageBody.of(cipher.decrypt(Optional.of(notification.patientId()), sealed)))
                .map(MessageBody::text).orElse("");
    }

    private static Optional<String> ownPatient(Subject subject) {
        return subject.hasRole(Role.PATIENT) ? subject.fhirUserId("Patient") : Optional.empty();
    }

    private static DeliveryView view(Delivery d) {
        return new DeliveryView(d.channel().map(Enum::name).orElse(null), d.status().name(), d.attempts(),
                d.lastError().orElse(null), d.dueAt(), d.updatedAt(), d.sentAt().orElse(null));
    }

    private static ResponseStatusException forbidden() {
        return new ResponseStatusException(HttpStatus.FORBIDDEN, "You may not see this notification");
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such notification");
    }
}
