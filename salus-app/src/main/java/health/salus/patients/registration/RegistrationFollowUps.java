package health.salus.patients.registration;

import health.salus.messaging.Channel;
import health.salus.messaging.NotificationRequest;
import health.salus.messaging.Notifications;
import health.salus.patients.PatientRegistered;
import health.salus.security.Accounts;
import health.salus.security.SystemAccess;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * After a registration commits: the welcome email and the patient-portal invitation. Each runs in its
 * own transaction from the event outbox, so a failure is retried without repeating the registration;
 * idempotency keys and "one account per patient" make a redelivery send nothing twice.
 */
@Component
class RegistrationFollowUps {

    static final String WELCOME_TEMPLATE = "welcome";
    static final String INVITATION_TEMPLATE = "portal-invitation";

    private final Notifications notifications;
    private final Accounts accounts;
    private final SystemAccess systemAccess;
    private final RegistrationProperties properties;

    RegistrationFollowUps(Notifications notifications, Accounts accounts, SystemAccess systemAccess,
            RegistrationProperties properties) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.systemAccess = systemAccess;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void sendWelcome(PatientRegistered event) {
        systemAccess.run("patient-welcome", () -> notifications.send(new NotificationRequest(event.patientId(),
                WELCOME_TEMPLATE, Map.of("portalLink", properties.portalLinkBase() + "/login"), "welcome:" + event.patientId(),
                Set.of(Channel.EMAIL), Optional.empty())));
    }

    @ApplicationModuleListener
    void invitePatient(PatientRegistered event) {
        systemAccess.run("patient-portal-invitation", () -> accounts.invitePatient(event.patientId())
                .ifPresent(invitation -> notifications.send(NotificationRequest.of(event.patientId(), INVITATION_TEMPLATE,
                        // the token travels only in this link (stored encrypted by messaging), never in a log
                        Map.of("portalLink", properties.portalLinkBase() + "/invitation?token=" + invitation.token()),
                        "portal-invitation:" + event.patientId()))));
    }
}
