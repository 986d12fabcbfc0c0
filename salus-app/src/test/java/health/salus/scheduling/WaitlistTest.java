package health.salus.scheduling;

import static health.salus.scheduling.SchedulingClinic.booking;
import static health.salus.scheduling.SchedulingClinic.expect;
import static health.salus.scheduling.SchedulingClinic.json;
import static health.salus.scheduling.SchedulingClinic.weekdayAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import health.salus.messaging.NotificationRequest;
import health.salus.messaging.Notifications;
import health.salus.messaging.telephony.TelephonySimulator;
import health.salus.security.Role;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Joining the waitlist once per need, and the message that tells a patient time is held for them. */
class WaitlistTest extends SchedulingApiTest {

    @Autowired
    TelephonySimulator sms;
    @Autowired
    Notifications notifications;

    @Test
    void joiningAgainForAnOverlappingWindowReturnsTheExistingEntryInsteadOfADuplicate() {
        String patient = clinic.consentedPatient();

        HttpResponse<String> first = join(patient, weekdayAt(0, "08:00"), weekdayAt(0, "18:00"), "");
        HttpResponse<String> again = join(patient, weekdayAt(0, "08:00"), weekdayAt(0, "18:00"), "");
        HttpResponse<String> overlapping = join(patient, weekdayAt(0, "12:00"), weekdayAt(1, "18:00"), "");
        HttpResponse<String> atTheSite = join(patient, weekdayAt(0, "12:00"), weekdayAt(0, "14:00"),
                ",\"location\":\"" + site + "\"");
        HttpResponse<String> laterWeek = join(patient, weekdayAt(2, "08:00"), weekdayAt(2, "18:00"), "");
        HttpResponse<String> otherType = join(patient, weekdayAt(0, "08:00"), weekdayAt(0, "18:00"),
                ",\"appointmentType\":\"FOLLOWUP\"");

        String id = json(expect(first, 201)).get("id").asText();
        assertThat(json(expect(again, 200)).get("id").asText()).isEqualTo(id);
        assertThat(json(expect(overlapping, 200)).get("id").asText()).isEqualTo(id);
        assertThat(json(expect(atTheSite, 200)).get("id").asText()).as("any site covers this site").isEqualTo(id);
        assertThat(json(expect(laterWeek, 201)).get("id").asText()).isNotEqualTo(id);
        assertThat(json(expect(otherType, 201)).get("id").asText()).isNotEqualTo(id);
        assertThat(jdbc.sql("select count(*) from scheduling_waitlist where patient_id = ?").param(patient)
                .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void anotherPatientWithTheSameWindowGetsAnEntryOfTheirOwn() {
        String first = json(expect(join(clinic.consentedPatient(), weekdayAt(0, "08:00"), weekdayAt(0, "18:00"), ""),
                201)).get("id").asText();

        HttpResponse<String> second = join(clinic.consentedPatient(), weekdayAt(0, "08:00"), weekdayAt(0, "18:00"), "");

        assertThat(json(expect(second, 201)).get("id").asText()).isNotEqualTo(first);
    }

    @Test
    void theWaitlistedPatientIsTextedOnceWhenAFreedSlotIsHeldForThem() {
        String mobile = "+1" + (2000000000L + ThreadLocalRandom.current().nextLong(7000000000L));
        String family = "Holloway" + SchedulingClinic.unique();
        String waiting = clinic.consentedPatientWithMobile("Nia", family, mobile);
        String booked = json(expect(clinic.call(frontDesk, "POST", "/api/appointments", booking(
                clinic.consentedPatient(), doctor, site, weekdayAt(0, "15:00"))), 201)).get("id").asText();
        String entry = json(expect(join(waiting, weekdayAt(0, "08:00"), weekdayAt(0, "18:00"), ""), 201))
                .get("id").asText();

        expect(clinic.call(frontDesk, "PUT", "/api/appointments/" + booked,
                "{\"status\":\"cancelled\",\"cancellationReason\":\"pat\"}"), 200);

        TelephonySimulator.Sent text = await().atMost(Duration.ofSeconds(60)).until(() -> textsTo(mobile),
                texts -> !texts.isEmpty()).get(0);
        String localDate = weekdayAt(0, "15:00").substring(0, 10);
        assertThat(text.text()).startsWith("Hi Nia, an appointment is free on " + localDate + " 15:00 at Site ")
                .contains("We hold it for you until ").doesNotContain(family);
        String hold = jdbc.sql("select reservation_id from scheduling_waitlist where entry_id = ?").param(entry)
                .query(String.class).single();
        // the offer's message is keyed by its hold: asking again for the same hold sends nothing more
        String notification = jdbc.sql("select id from messaging_notification where idempotency_key = ?")
                .param("waitlist-offer:" + hold).query(String.class).single();
        String repeated = system.call("test", () -> notifications.send(NotificationRequest.of(waiting,
                "waitlist-offer", Map.of("date", localDate, "time", "15:00", "clinic", "Site", "holdExpiry", "soon"),
                "waitlist-offer:" + hold)));
        assertThat(repeated).isEqualTo(notification);
        assertThat(jdbc.sql("select count(*) from messaging_notification where patient_id = ? and template_key = ?")
                .params(waiting, "waitlist-offer").query(Integer.class).single()).isEqualTo(1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> textsTo(mobile).size() == 1);
    }

    private List<TelephonySimulator.Sent> textsTo(String mobile) {
        return sms.sent().stream().filter(s -> s.to().equals(mobile)).toList();
    }

    private HttpResponse<String> join(String patient, String from, String to, String more) {
        return clinic.call(frontDesk, "POST", "/api/appointments/waitlist", "{\"patient\":\"" + patient
                + "\",\"practitioner\":\"" + doctor + "\",\"from\":\"" + from + "\",\"to\":\"" + to + "\"" + more + "}");
    }
}
