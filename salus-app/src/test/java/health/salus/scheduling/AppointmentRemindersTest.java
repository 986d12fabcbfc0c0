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
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import health.salus.messaging.Channel;
import health.salus.messaging.ContactPreferences;
import health.salus.messaging.Notifications;
import health.salus.messaging.telephony.TelephonySimulator;
import health.salus.scheduling.reminders.ReminderJob;
import health.salus.scheduling.reminders.ReminderKind;
import health.salus.scheduling.reminders.ReminderLinks;
import health.salus.scheduling.reminders.ReminderSchedule;
import health.salus.security.Role;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders follow the appointment: three jobs at booking, moved with it, removed on cancelling; a due
 * job delivers one message however often it runs, and none for a time the appointment no longer has.
 */
class AppointmentRemindersTest extends SchedulingApiTest {

    @Autowired
    ReminderSchedule schedule;
    @Autowired
    SchedulerClient scheduler;
    @Autowired
    ReminderLinks links;
    @Autowired
    GreenMail smtp;
    @Autowired
    TelephonySimulator sms;
    @Autowired
    Notifications notifications;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;

    Reminders reminders;

    @BeforeEach
    void reminders() {
        reminders = new Reminders(schedule, scheduler, jdbc);
    }

    @Test
    void bookingSchedulesAnEmailAndATextADayAheadAndAnotherTextTwoHoursAhead() {
        Booked booked = book(clinic.consentedPatient(), weekdayAt(0, "09:00"));

        assertThat(reminders.awaitScheduled(job(booked.id, ReminderKind.EMAIL_24H, booked.start)))
                .isEqualTo(booked.start.minus(Duration.ofHours(24)));
        assertThat(reminders.awaitScheduled(job(booked.id, ReminderKind.SMS_24H, booked.start)))
                .isEqualTo(booked.start.minus(Duration.ofHours(24)));
        assertThat(reminders.awaitScheduled(job(booked.id, ReminderKind.SMS_2H, booked.start)))
                .isEqualTo(booked.start.minus(Duration.ofHours(2)));
        assertThat(reminders.when(job(booked.id, ReminderKind.EXTRA, booked.start))).as("no risk, no extra").isEmpty();
    }

    @Test
    void reschedulingMovesTheRemindersAndCancellingRemovesThem() {
        Booked booked = book(clinic.consentedPatient(), weekdayAt(0, "10:00"));
        reminders.awaitScheduled(job(booked.id, ReminderKind.SMS_2H, booked.start));
        Instant later = instant(weekdayAt(0, "14:00"));

        expect(put(booked.id, "{\"start\":\"" + weekdayAt(0, "14:00") + "\"}"), 200);

        assertThat(reminders.awaitScheduled(job(booked.id, ReminderKind.SMS_2H, later)))
                .isEqualTo(later.minus(Duration.ofHours(2)));
        assertThat(reminders.awaitScheduled(job(booked.id, ReminderKind.EMAIL_24H, later)))
                .isEqualTo(later.minus(Duration.ofHours(24)));
        await().atMost(PATIENCE).until(() -> ReminderKind.STANDARD.stream()
                .allMatch(kind -> reminders.when(job(booked.id, kind, booked.start)).isEmpty()));

        expect(put(booked.id, "{\"status\":\"cancelled\",\"cancellationReason\":\"prov\"}"), 200);

        await().atMost(PATIENCE).until(() -> ReminderKind.STANDARD.stream()
                .allMatch(kind -> reminders.when(job(booked.id, kind, later)).isEmpty()));
    }

    @Test
    void aDueReminderSendsOneEmailAndOneTextEvenWhenItsJobRunsTwice() throws Exception {
        String address = "rem" + SchedulingClinic.unique() + "@mail.test";
        String phone = mobile();
        Booked booked = book(clinic.consentedPatient(address, phone), weekdayAt(0, "11:00"));
        ReminderJob email = job(booked.id, ReminderKind.EMAIL_24H, booked.start);
        ReminderJob text = job(booked.id, ReminderKind.SMS_24H, booked.start);
        reminders.awaitScheduled(email);
        reminders.awaitScheduled(text);

        reminders.fireNow(email);
        reminders.fireNow(text);
        await().atMost(PATIENCE).until(() -> reminders.sent(email) && reminders.sent(text));
        reminders.fireNow(email);   // as after a restart, or on a second node
        reminders.fireNow(text);

        List<MimeMessage> mails = emailsTo(address);
        assertThat(mails).hasSize(1);
        String body = GreenMailUtil.getBody(mails.get(0));
        ZonedDateTime local = booked.start.atZone(SchedulingClinic.NEW_YORK);
        assertThat(mails.get(0).getSubject()).isEqualTo("Appointment reminder: " + local.toLocalDate() + " at 11:00");
        assertThat(body).contains("Hello Pat").doesNotContain("Sched");   // the first name, never the family name
        List<TelephonySimulator.Sent> texts = sms.sent().stream().filter(s -> s.to().equals(e164(phone))).toList();
        assertThat(texts).hasSize(1);
        assertThat(texts.get(0).text()).startsWith("Hi Pat, reminder: appointment " + local.toLocalDate() + " 11:00 at Site ")
                .contains("Reply C to confirm, X to cancel")
                .contains(links.link(booked.id, booked.start, ReminderLinks.Action.CONFIRM));
        assertThat(reminders.notificationsFor(email)).isEqualTo(1);
        assertThat(reminders.notificationsFor(text)).isEqualTo(1);
    }

    @Test
    void aReminderMadeForTheOldTimeOfAMovedAppointmentSendsNothing() {
        String phone = mobile();
        Booked booked = book(clinic.consentedPatient(null, phone), weekdayAt(0, "15:00"));
        ReminderJob stale = job(booked.id, ReminderKind.SMS_24H, booked.start);
        reminders.awaitScheduled(stale);
        expect(put(booked.id, "{\"start\":\"" + weekdayAt(0, "16:00") + "\"}"), 200);
        ReminderJob current = job(booked.id, ReminderKind.SMS_24H, instant(weekdayAt(0, "16:00")));
        reminders.awaitScheduled(current);

        reminders.fireNow(stale);   // a job that was already running when the appointment moved

        assertThat(reminders.notificationsFor(stale)).isZero();
        reminders.fireNow(current);
        assertThat(reminders.notificationsFor(current)).as("the twin: the current time's reminder goes").isEqualTo(1);
    }

    @Test
    void acrossADaylightSavingChangeTheDayAheadReminderComesTwentyFourHoursBeforeNotAtTheSameClockTime() {
        String everyDay = practitionerWorkingEveryDay();
        Instant transition = SchedulingClinic.NEW_YORK.getRules().nextTransition(Instant.now().plus(Duration.ofDays(2)))
                .getInstant();
        ZonedDateTime noonAfterChange = LocalDateTime.of(transition.atZone(SchedulingClinic.NEW_YORK).toLocalDate(),
                LocalTime.NOON).atZone(SchedulingClinic.NEW_YORK);
        Booked booked = book(clinic.consentedPatient(), everyDay, noonAfterChange.toOffsetDateTime().toString());

        Instant due = reminders.awaitScheduled(job(booked.id, ReminderKind.EMAIL_24H, booked.start));

        assertThat(due).isEqualTo(noonAfterChange.toInstant().minus(Duration.ofHours(24)));
        assertThat(due.atZone(SchedulingClinic.NEW_YORK).toLocalTime()).as("the clock moved in between")
                .isIn(LocalTime.of(11, 0), LocalTime.of(13, 0));
    }

    @Test
    void aHighNoShowRiskSendsOneExtraReminderOverThePreferredChannel() {
        String phone = mobile();
        String address = "risk" + SchedulingClinic.unique() + "@mail.test";
        String patient = clinic.consentedPatient(address, phone);
        notifications.savePreferences(patient, new ContactPreferences(Channel.SMS, "en", SchedulingClinic.NEW_YORK,
                Optional.empty(), Optional.empty()));
        Booked booked = book(patient, weekdayAt(0, "13:00"));
        ReminderJob extra = job(booked.id, ReminderKind.EXTRA, booked.start);

        highRisk(booked.id, patient);
        assertThat(reminders.awaitScheduled(extra)).isEqualTo(booked.start.minus(Duration.ofHours(72)));
        reminders.fireNow(extra);
        await().atMost(PATIENCE).until(() -> reminders.sent(extra));
        highRisk(booked.id, patient);   // told again: the job comes back, but its message was sent already
        reminders.awaitScheduled(extra);
        reminders.fireNow(extra);

        assertThat(reminders.notificationsFor(extra)).isEqualTo(1);
        assertThat(sms.sent().stream().filter(s -> s.to().equals(e164(phone)))).hasSize(1);
        assertThat(emailsTo(address)).as("the patient prefers texts").isEmpty();
    }

    private void highRisk(String appointmentId, String patient) {
        transaction.executeWithoutResult(status -> events.publishEvent(
                new HighNoShowRiskDetected(appointmentId, patient, 0.9, 1)));
    }

    private String practitionerWorkingEveryDay() {
        String id = clinic.practitioner(site, "394814009");
        StringBuilder hours = new StringBuilder();
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            hours.append(hours.isEmpty() ? "" : ",").append("{\"location\":\"").append(site)
                    .append("\",\"dayOfWeek\":\"").append(day).append("\",\"start\":\"08:00\",\"end\":\"18:00\"}");
        }
        expect(clinic.call(clinic.token(Role.ADMINISTRATOR), "PUT", "/api/scheduling/practitioners/" + id,
                "{\"specialty\":\"394814009\",\"defaultMinutes\":30,\"hours\":[" + hours + "],\"breaks\":[]}"), 204);
        return id;
    }

    record Booked(String id, Instant start) {
    }

    private Booked book(String patient, String start) {
        return book(patient, doctor, start);
    }

    private Booked book(String patient, String practitioner, String start) {
        var created = json(expect(clinic.call(frontDesk, "POST", "/api/appointments",
                booking(patient, practitioner, site, start)), 201));
        return new Booked(created.get("id").asText(), instant(created.get("start").asText()));
    }

    private java.net.http.HttpResponse<String> put(String id, String body) {
        return clinic.call(frontDesk, "PUT", "/api/appointments/" + id, body);
    }

    private List<MimeMessage> emailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static Instant instant(String value) {
        return OffsetDateTime.parse(value).toInstant();
    }
}
