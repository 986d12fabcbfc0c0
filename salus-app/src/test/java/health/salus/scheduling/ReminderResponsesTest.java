package health.salus.scheduling;

import static health.salus.scheduling.Reminders.PATIENCE;
import static health.salus.scheduling.Reminders.e164;
import static health.salus.scheduling.Reminders.job;
import static health.salus.scheduling.Reminders.mobile;
import static health.salus.scheduling.SchedulingClinic.booking;
import static health.salus.scheduling.SchedulingClinic.expect;
import static health.salus.scheduling.SchedulingClinic.json;
import static health.salus.scheduling.SchedulingClinic.weekdayAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import health.salus.messaging.telephony.TelephonySimulator;
import health.salus.scheduling.reminders.ReminderJob;
import health.salus.scheduling.reminders.ReminderKind;
import health.salus.scheduling.reminders.ReminderLinks;
import health.salus.scheduling.reminders.ReminderLinks.Action;
import health.salus.scheduling.reminders.ReminderSchedule;
import health.salus.support.Browser;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A patient answers a reminder without signing in: the signed link's page confirms or cancels (opening
 * it changes nothing), a text reply "C" or "X" does the same; a forged, expired or outdated answer
 * changes nothing.
 */
class ReminderResponsesTest extends SchedulingApiTest {

    private static final String PAGE = "/appointments/respond?t=";

    @Autowired
    ReminderSchedule schedule;
    @Autowired
    SchedulerClient scheduler;
    @Autowired
    ReminderLinks links;
    @Autowired
    TelephonySimulator sms;

    Reminders reminders;

    @BeforeEach
    void reminders() {
        reminders = new Reminders(schedule, scheduler, jdbc);
    }

    @Test
    void theConfirmLinkShowsOnlyDateTimeAndSiteAndConfirmsWhenTheButtonIsPressed() {
        Booked booked = book(clinic.consentedPatient(), "09:00");
        String token = token(booked, Action.CONFIRM);
        Browser browser = new Browser(port);

        HttpResponse<String> page = browser.get(PAGE + token);
        HttpResponse<String> again = browser.get(PAGE + token);

        expect(page, 200);
        assertThat(page.body()).contains(booked.start.atZone(SchedulingClinic.NEW_YORK).toLocalDate().toString())
                .contains("09:00").contains("Site ").contains("Yes, I will come")
                .doesNotContain("Sched").doesNotContain(booked.patient);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(confirmations(booked)).as("opening the link (a mail scanner does) confirms nothing").isZero();

        HttpResponse<String> confirmed = browser.submit(PAGE + token, "/appointments/respond", Map.of("t", token));
        HttpResponse<String> twice = browser.submit(PAGE + token, "/appointments/respond", Map.of("t", token));

        expect(confirmed, 200);
        assertThat(confirmed.body()).contains("Your appointment is confirmed");
        assertThat(twice.body()).contains("already confirmed");
        assertThat(confirmations(booked)).isEqualTo(1);
        assertThat(status(booked)).as("FHIR's status stays booked").isEqualTo("booked");
    }

    @Test
    void theCancelLinkCancelsWithThePatientReasonAndWithdrawsTheReminders() {
        Booked booked = book(clinic.consentedPatient(), "10:00");
        reminders.awaitScheduled(job(booked.id, ReminderKind.SMS_2H, booked.start));
        String token = token(booked, Action.CANCEL);
        Browser browser = new Browser(port);

        expect(browser.get(PAGE + token), 200);
        assertThat(status(booked)).isEqualTo("booked");
        HttpResponse<String> cancelled = browser.submit(PAGE + token, "/appointments/respond", Map.of("t", token));
        HttpResponse<String> reopened = browser.get(PAGE + token);

        expect(cancelled, 200);
        assertThat(cancelled.body()).contains("Your appointment is cancelled");
        var appointment = json(expect(clinic.call(frontDesk, "GET", "/api/appointments/" + booked.id, null), 200));
        assertThat(appointment.get("status").asText()).isEqualTo("cancelled");
        assertThat(appointment.get("cancellationReason").asText()).isEqualTo("pat");
        expect(reopened, 409);
        await().atMost(PATIENCE).until(() -> reminders.when(job(booked.id, ReminderKind.SMS_2H, booked.start)).isEmpty());
    }

    @Test
    void aForgedExpiredOrOutdatedLinkChangesNothing() {
        Booked booked = book(clinic.consentedPatient(), "11:00");
        String genuine = token(booked, Action.CANCEL);
        String forged = genuine.substring(0, genuine.length() - 4) + (genuine.endsWith("AAAA") ? "BBBB" : "AAAA");
        String otherAction = genuine.replace("_x_", "_c_");
        String expired = links.token(booked.id, booked.start, Action.CANCEL, Instant.now().minusSeconds(60));
        Browser browser = new Browser(port);

        expect(browser.get(PAGE + forged), 403);
        expect(browser.submit(PAGE + genuine, "/appointments/respond", Map.of("t", forged)), 403);
        expect(browser.submit(PAGE + genuine, "/appointments/respond", Map.of("t", otherAction)), 403);
        expect(browser.submit(PAGE + genuine, "/appointments/respond", Map.of("t", "")), 403);
        HttpResponse<String> late = browser.submit(PAGE + genuine, "/appointments/respond", Map.of("t", expired));
        expect(late, 400);
        assertThat(late.body()).contains("This link has expired");
        expect(new Browser(port).post("/appointments/respond", Map.of("t", genuine)), 403);   // no CSRF token
        assertThat(status(booked)).isEqualTo("booked");

        expect(clinic.call(frontDesk, "PUT", "/api/appointments/" + booked.id,
                "{\"start\":\"" + weekdayAt(0, "14:00") + "\"}"), 200);
        Booked moved = new Booked(booked.id, booked.patient, instant(weekdayAt(0, "14:00")));
        String current = PAGE + token(moved, Action.CONFIRM);
        expect(browser.get(PAGE + genuine), 409);
        HttpResponse<String> outdated = browser.submit(current, "/appointments/respond", Map.of("t", genuine));

        expect(outdated, 409);
        assertThat(outdated.body()).contains("This appointment has moved");
        assertThat(status(booked)).isEqualTo("booked");
        HttpResponse<String> fresh = browser.submit(current, "/appointments/respond",
                Map.of("t", token(moved, Action.CONFIRM)));
        expect(fresh, 200);   // the twin: a link for the new time works
        assertThat(confirmations(moved)).isEqualTo(1);
    }

    @Test
    void aTextReplyCConfirmsAndXCancelsTheAppointmentTheReminderWasAbout() {
        String confirmer = mobile();
        String canceller = mobile();
        Booked toConfirm = book(clinic.consentedPatient(null, confirmer), "13:00");
        Booked toCancel = book(clinic.consentedPatient(null, canceller), "14:00");
        textReminder(toConfirm);
        textReminder(toCancel);

        sms.reply(e164(confirmer), "c");
        sms.reply(e164(canceller), " X ");

        await().atMost(PATIENCE).until(() -> confirmations(toConfirm) == 1);
        await().atMost(PATIENCE).until(() -> "cancelled".equals(status(toCancel)));
        assertThat(status(toConfirm)).isEqualTo("booked");
        assertThat(confirmations(toCancel)).isZero();
    }

    @Test
    void aReplyToAReminderForAnEarlierTimeOrThatSaysSomethingElseChangesNothing() {
        String movedPhone = mobile();
        String chattyPhone = mobile();
        Booked moved = book(clinic.consentedPatient(null, movedPhone), "15:00");
        Booked chatty = book(clinic.consentedPatient(null, chattyPhone), "16:00");
        textReminder(moved);
        textReminder(chatty);
        expect(clinic.call(frontDesk, "PUT", "/api/appointments/" + moved.id,
                "{\"start\":\"" + weekdayAt(1, "15:00") + "\"}"), 200);

        sms.reply(e164(movedPhone), "X");
        sms.reply(e164(chattyPhone), "Can I come later?");

        awaitRepliesHandled();
        assertThat(status(moved)).isEqualTo("booked");
        assertThat(status(chatty)).isEqualTo("booked");
        assertThat(confirmations(chatty)).isZero();
    }

    private void textReminder(Booked booked) {
        ReminderJob text = job(booked.id, ReminderKind.SMS_24H, booked.start);
        reminders.awaitScheduled(text);
        reminders.fireNow(text);
        await().atMost(PATIENCE).until(() -> reminders.sent(text));
    }

    /** The outbox has handed every text reply to its listeners. */
    private void awaitRepliesHandled() {
        await().atMost(PATIENCE).until(() -> jdbc.sql("select count(*) from event_publication where event_type like "
                + "'%PatientReplied' and completion_date is null").query(Integer.class).single() == 0);
    }

    private String token(Booked booked, Action action) {
        String link = links.link(booked.id, booked.start, action);
        return link.substring(link.indexOf("?t=") + 3);
    }

    private int confirmations(Booked booked) {
        return jdbc.sql("select count(*) from scheduling_appointment_confirmation where appointment_id = ? "
                + "and appointment_start = ?").params(booked.id, booked.start.atOffset(java.time.ZoneOffset.UTC))
                .query(Integer.class).single();
    }

    private String status(Booked booked) {
        return json(expect(clinic.call(frontDesk, "GET", "/api/appointments/" + booked.id, null), 200))
                .get("status").asText();
    }

    record Booked(String id, String patient, Instant start) {
    }

    private Booked book(String patient, String localTime) {
        var created = json(expect(clinic.call(frontDesk, "POST", "/api/appointments",
                booking(patient, doctor, site, weekdayAt(0, localTime))), 201));
        return new Booked(created.get("id").asText(), patient, instant(created.get("start").asText()));
    }

    private static Instant instant(String value) {
        return OffsetDateTime.parse(value).toInstant();
    }
}
