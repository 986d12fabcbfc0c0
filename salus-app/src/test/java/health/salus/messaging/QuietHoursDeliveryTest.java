package health.salus.messaging;

import static health.salus.messaging.MessagingClinic.patient;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.ScheduledExecution;
import health.salus.messaging.delivery.DeliveryAttempts;
import health.salus.messaging.delivery.NotificationRows;
import health.salus.messaging.delivery.NotificationRows.Delivery;
import health.salus.support.FhirApiTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A message requested during the patient's quiet hours waits, HELD, with its delivery job set for the
 * end of them in the patient's zone; one requested outside them goes at once. (The wall-clock rules,
 * midnight and DST included, are in QuietHoursTest.)
 */
class QuietHoursDeliveryTest extends FhirApiTest {

    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

    @Autowired
    Notifications notifications;
    @Autowired
    NotificationRows rows;
    @Autowired
    SchedulerClient scheduler;
    @Autowired
    DeliveryAttempts attempts;

    @Test
    void aMessageRequestedInsideQuietHoursIsHeldAndScheduledForTheirEnd() {
        String patientId = create(patient("Hana", "Tawhiri" + unique(), unique() + "@mail.test", null, "en")).getIdPart();
        ZonedDateTime localNow = Instant.now().atZone(AUCKLAND);
        ZonedDateTime end = localNow.plusHours(1).truncatedTo(ChronoUnit.MINUTES);
        notifications.savePreferences(patientId, new ContactPreferences(Channel.EMAIL, "en", AUCKLAND,
                Optional.of(localNow.minusHours(1).toLocalTime()), Optional.of(end.toLocalTime())));

        String id = notifications.send(NotificationRequest.of(patientId, "eligibility-problem", Map.of(),
                "eligibility:" + unique()));

        Delivery delivery = rows.deliveriesOf(id).get(0);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.HELD);
        assertThat(delivery.channel()).contains(Channel.EMAIL);
        assertThat(delivery.dueAt()).isEqualTo(end.toInstant());
        List<ScheduledExecution<Object>> jobs = scheduler.getScheduledExecutions().stream()
                .filter(job -> delivery.id().equals(job.getData())).toList();
        assertThat(jobs).singleElement().satisfies(job -> assertThat(job.getExecutionTime()).isEqualTo(end.toInstant()));
        // an attempt that runs while it is still quiet (an early retry) holds it again rather than sending
        attempts.attempt(delivery.id());
        Delivery again = rows.deliveriesOf(id).get(0);
        assertThat(again.status()).isEqualTo(DeliveryStatus.HELD);
        assertThat(again.attempts()).isZero();
        assertThat(again.dueAt()).isEqualTo(end.toInstant());
    }

    @Test
    void aMessageRequestedOutsideQuietHoursIsSentAtOnce() {
        String patientId = create(patient("Wiremu", "Ngata" + unique(), unique() + "@mail.test", null, "en")).getIdPart();
        LocalTime inTwoHours = Instant.now().atZone(AUCKLAND).plusHours(2).toLocalTime();
        notifications.savePreferences(patientId, new ContactPreferences(Channel.EMAIL, "en", AUCKLAND,
                Optional.of(inTwoHours), Optional.of(inTwoHours.plusHours(1))));

        String id = notifications.send(NotificationRequest.of(patientId, "eligibility-problem", Map.of(),
                "eligibility:" + unique()));

        assertThat(rows.deliveriesOf(id).get(0).status()).isEqualTo(DeliveryStatus.QUEUED);
        Delivery sent = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> rows.deliveriesOf(id).get(0), d -> d.status() == DeliveryStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(1);
    }

    @Test
    void savedPreferencesReadBackAndHalfAQuietHoursIsRefused() {
        String patientId = "p-" + unique();
        ContactPreferences prefs = new ContactPreferences(Channel.SMS, "es", ZoneId.of("America/Chicago"),
                Optional.of(LocalTime.of(21, 0)), Optional.of(LocalTime.of(7, 30)));
        notifications.savePreferences(patientId, prefs);
        assertThat(notifications.preferencesOf(patientId)).contains(prefs);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> notifications.savePreferences(patientId,
                new ContactPreferences(Channel.SMS, "es", ZoneId.of("America/Chicago"), Optional.of(LocalTime.NOON),
                        Optional.empty()))).isInstanceOf(health.salus.platform.InvalidFieldsException.class);
    }
}
