package health.salus.messaging;

import static health.salus.messaging.MessagingClinic.e164;
import static health.salus.messaging.MessagingClinic.patient;
import static health.salus.messaging.MessagingClinic.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import health.salus.messaging.delivery.InboundReplies;
import health.salus.messaging.delivery.NotificationRows;
import health.salus.messaging.delivery.NotificationRows.Delivery;
import health.salus.messaging.telephony.TelephonySimulator;
import health.salus.platform.InvalidFieldsException;
import health.salus.support.FhirApiTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Notifications reach the patient over the channel and in the language they prefer, through the
 * loopback mail server and SMS simulator; failures are retried and then given up; a repeated request
 * sends once; texts carry a first name at most.
 */
class NotificationDeliveryTest extends FhirApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    Notifications notifications;
    @Autowired
    NotificationRows rows;
    @Autowired
    GreenMail smtp;
    @Autowired
    TelephonySimulator sms;
    @Autowired
    InboundReplies inbound;

    @Test
    void theWelcomeEmailArrivesInSpanishForASpanishSpeakerAndInEnglishOtherwise() throws Exception {
        String spanishAddress = unique() + "@mail.test";
        String englishAddress = unique() + "@mail.test";
        String lucia = create(patient("Lucía", "Etxeberria" + unique(), spanishAddress, null, "es")).getIdPart();
        String john = create(patient("John", "Whitfield" + unique(), englishAddress, null, null)).getIdPart();

        notifications.send(welcome(lucia));
        notifications.send(welcome(john));

        MimeMessage spanish = awaitEmailTo(spanishAddress);
        assertThat(spanish.getSubject()).isEqualTo("Bienvenido a la Clínica Salus");
        assertThat(GreenMailUtil.getBody(spanish)).contains("Hola Luc").contains("https://portal.test/welcome/" + lucia);
        MimeMessage english = awaitEmailTo(englishAddress);
        assertThat(english.getSubject()).isEqualTo("Welcome to Salus Clinic");
        assertThat(GreenMailUtil.getBody(english)).contains("Hello John").doesNotContain("Whitfield");
    }

    @Test
    void theSameIdempotencyKeyTwiceQueuesAndSendsOneMessage() throws Exception {
        String address = unique() + "@mail.test";
        String patientId = create(patient("Mara", "Quist" + unique(), address, null, "en")).getIdPart();

        String first = notifications.send(welcome(patientId));
        String second = notifications.send(welcome(patientId));

        assertThat(second).isEqualTo(first);
        assertThat(rows.deliveriesOf(first)).hasSize(1);
        awaitStatus(first, DeliveryStatus.SENT);
        awaitEmailTo(address);
        assertThat(emailsTo(address)).hasSize(1);
    }

    @Test
    void anSmsGoesThroughTheSimulatorWithTheFirstNameButNoFamilyNameOrBirthDate() {
        String phone = uniquePhone();
        String family = "Okonkwo" + unique();
        String patientId = create(patient("Ada", family, null, phone, null)).getIdPart();

        String id = notifications.send(reminder(patientId, Set.of()));

        Delivery delivery = awaitStatus(id, DeliveryStatus.SENT);
        assertThat(delivery.channel()).contains(Channel.SMS);   // no email, no preferences: a text
        TelephonySimulator.Sent text = sms.sent().stream().filter(s -> s.to().equals(e164(phone))).findFirst().orElseThrow();
        assertThat(text.text()).startsWith("Hi Ada, reminder: appointment 2026-12-03 09:30 at Main Street Clinic")
                .doesNotContain(family).doesNotContain(MessagingClinic.BIRTH_DATE).doesNotContain("1981");
        assertThat(delivery.gatewayRef()).contains(text.sid());
    }

    @Test
    void aGatewayFailureIsRetriedAfterTheBackoffAndThenSent() {
        String phone = uniquePhone();
        String patientId = create(patient("Bea", "Lindqvist" + unique(), null, phone, null)).getIdPart();

        sms.failNext(1, 503);
        String id = notifications.send(reminder(patientId, Set.of(Channel.SMS)));

        Delivery delivery = awaitStatus(id, DeliveryStatus.SENT);
        assertThat(delivery.attempts()).isEqualTo(2);
        List<TelephonySimulator.Attempt> tries = attemptsTo(phone);
        assertThat(tries).extracting(TelephonySimulator.Attempt::status).containsExactly(503, 201);
        // the first backoff in the test configuration is 1s
        assertThat(Duration.between(tries.get(0).at(), tries.get(1).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aGatewayThatKeepsFailingEndsInFailedAfterTheMaximumAttempts() {
        String phone = uniquePhone();
        String patientId = create(patient("Cleo", "Marchetti" + unique(), null, phone, null)).getIdPart();

        sms.failNext(3, 503);
        String id = notifications.send(reminder(patientId, Set.of(Channel.SMS)));

        Delivery delivery = awaitStatus(id, DeliveryStatus.FAILED);
        assertThat(delivery.attempts()).isEqualTo(3);
        assertThat(delivery.lastError()).contains("gateway-http-503");
        assertThat(attemptsTo(phone)).extracting(TelephonySimulator.Attempt::status).containsExactly(503, 503, 503);
        assertThat(sms.sent()).noneMatch(s -> s.to().equals(e164(phone)));
    }

    @Test
    void aPatientWithoutAnAddressForTheChannelFailsAtOnceWithACode() {
        String patientId = create(patient("Dina", "Ferreira" + unique(), null, uniquePhone(), null)).getIdPart();

        String id = notifications.send(new NotificationRequest(patientId, "eligibility-problem", Map.of(),
                "eligibility:" + unique(), Set.of(Channel.EMAIL), Optional.empty()));

        Delivery delivery = awaitStatus(id, DeliveryStatus.FAILED);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.lastError()).contains("no-email-address");
    }

    @Test
    void anUnknownTemplateOrAMissingVariableIsRefusedBeforeAnythingIsQueued() {
        assertThatThrownBy(() -> notifications.send(NotificationRequest.of("p1", "lab-results", Map.of(), unique())))
                .isInstanceOf(InvalidFieldsException.class);
        assertThatThrownBy(() -> notifications.send(NotificationRequest.of("p1", "welcome", Map.of(), unique())))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(InvalidFieldsException.FieldProblem::field).containsExactly("variables.portalLink"));
    }

    @Test
    void aTextReplyFromThePatientsPhoneIsMatchedToTheirLatestTextMessage() {
        String phone = uniquePhone();
        String patientId = create(patient("Eli", "Sorensen" + unique(), null, phone, null)).getIdPart();
        String id = notifications.send(reminder(patientId, Set.of(Channel.SMS)));
        awaitStatus(id, DeliveryStatus.SENT);

        assertThat(inbound.received(e164(phone), " c ")).contains(new PatientReplied(patientId, id,
                PatientReplied.Intent.CONFIRM));
        assertThat(inbound.received(e164(phone), "X")).map(PatientReplied::intent).contains(PatientReplied.Intent.CANCEL);
        assertThat(inbound.received(e164(uniquePhone()), "C")).isEmpty();
    }

    static NotificationRequest welcome(String patientId) {
        return NotificationRequest.of(patientId, "welcome", Map.of("portalLink", "https://portal.test/welcome/"
                + patientId), "welcome:" + patientId);
    }

    static NotificationRequest reminder(String patientId, Set<Channel> channels) {
        return new NotificationRequest(patientId, "appointment-reminder", Map.of("date", "2026-12-03", "time", "09:30",
                "clinic", "Main Street Clinic", "confirmLink", "https://portal.test/c/" + patientId,
                "cancelLink", "https://portal.test/x/" + patientId),
                "reminder:" + unique(), channels, Optional.empty());
    }

    Delivery awaitStatus(String notificationId, DeliveryStatus status) {
        return await().atMost(PATIENCE).until(() -> rows.deliveriesOf(notificationId).get(0),
                d -> d.status() == status);
    }

    private MimeMessage awaitEmailTo(String address) {
        return await().atMost(PATIENCE).until(() -> emailsTo(address), list -> !list.isEmpty()).get(0);
    }

    private List<MimeMessage> emailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    private List<TelephonySimulator.Attempt> attemptsTo(String phone) {
        return sms.attempts().stream().filter(a -> a.to().equals(e164(phone))).toList();
    }

    static Instant now() {
        return Instant.now();
    }
}
