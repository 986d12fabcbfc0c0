package health.salus.messaging.delivery;

import health.salus.messaging.PatientReplied;
import health.salus.messaging.telephony.TelephonySimulator;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A text from a patient's phone: the patient is found by the number (the hashed phone index), the reply
 * is taken to answer their latest text message, and {@link PatientReplied} goes out through the outbox
 * with ids and the recognised intent. An unknown or shared number is dropped: a reply must never be
 * pinned on the wrong patient. The simulator hands replies over directly; a real provider's inbound
 * webhook would call {@link #received} the same way.
 */
@Component
public class InboundReplies {

    private static final Logger log = LoggerFactory.getLogger(InboundReplies.class);

    private final Recipients recipients;
    private final NotificationRows rows;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    InboundReplies(Recipients recipients, NotificationRows rows, ApplicationEventPublisher events,
            TransactionTemplate transaction, ObjectProvider<TelephonySimulator> simulator) {
        this.recipients = recipients;
        this.rows = rows;
        this.events = events;
        this.transaction = transaction;
        simulator.ifAvailable(loopback -> loopback.onInbound(this::received));
    }

    /** @return the event published, if the reply could be matched to a patient's text message */
    public Optional<PatientReplied> received(String fromNumber, String text) {
        Optional<String> patient = recipients.patientWithPhone(fromNumber);
        Optional<PatientReplied> reply = patient.flatMap(id -> rows.latestTextTo(id)
                .map(notification -> new PatientReplied(id, notification, PatientReplied.Intent.of(text))));
        if (reply.isEmpty()) {
            log.info("An inbound text matched no single patient with a text message; dropped");
            return reply;
        }
        transaction.executeWithoutResult(status -> events.publishEvent(reply.get()));
        return reply;
    }
}
