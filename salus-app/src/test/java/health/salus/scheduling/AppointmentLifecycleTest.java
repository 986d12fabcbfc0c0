package health.salus.scheduling;

import static health.salus.scheduling.SchedulingClinic.booking;
import static health.salus.scheduling.SchedulingClinic.expect;
import static health.salus.scheduling.SchedulingClinic.json;
import static health.salus.scheduling.SchedulingClinic.weekdayAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import health.salus.security.Role;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Reschedule, cancel, check-in, no-show, completion, the waitlist back-fill, and who may do it. */
class AppointmentLifecycleTest extends SchedulingApiTest {

    @Test
    void reschedulingMovesTheBookingAndFreesTheOldTime() {
        String id = book(clinic.consentedPatient(), "09:00").get("id").asText();

        JsonNode moved = json(expect(put(id, "{\"start\":\"" + weekdayAt(0, "10:30") + "\"}"), 200));

        assertThat(instant(moved.get("start").asText())).isEqualTo(instant(weekdayAt(0, "10:30")));
        assertThat(moved.get("minutesDuration").asInt()).isEqualTo(30);
        expect(post(booking(clinic.consentedPatient(), doctor, site, weekdayAt(0, "09:00"))), 201);
        expect(post(booking(clinic.consentedPatient(), doctor, site, weekdayAt(0, "10:30"))), 409);
        expect(put(id, "{\"start\":\"" + weekdayAt(0, "12:30") + "\"}"), 400);   // into the lunch break
    }

    @Test
    void cancellingNeedsAReasonAndFreesTheTime() {
        String id = book(clinic.consentedPatient(), "11:00").get("id").asText();

        HttpResponse<String> noReason = put(id, "{\"status\":\"cancelled\"}");
        JsonNode cancelled = json(expect(put(id, "{\"status\":\"cancelled\",\"cancellationReason\":\"pat\"}"), 200));

        expect(noReason, 400);
        assertThat(json(noReason).get("errors").findValuesAsText("field")).containsExactly("cancellationReason");
        assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.get("cancellationReason").asText()).isEqualTo("pat");
        expect(post(booking(clinic.consentedPatient(), doctor, site, weekdayAt(0, "11:00"))), 201);
        expect(put(id, "{\"status\":\"arrived\"}"), 400);   // a cancelled visit cannot be checked in
    }

    @Test
    void aVisitIsCheckedInThenCompletedAndAnotherMarkedNoShow() {
        String visit = book(clinic.consentedPatient(), "13:00").get("id").asText();
        String missed = book(clinic.consentedPatient(), "14:00").get("id").asText();

        HttpResponse<String> completedTooEarly = put(visit, "{\"status\":\"fulfilled\"}");
        assertThat(json(expect(put(visit, "{\"status\":\"arrived\"}"), 200)).get("status").asText()).isEqualTo("arrived");
        assertThat(json(expect(put(visit, "{\"status\":\"fulfilled\"}"), 200)).get("status").asText())
                .isEqualTo("fulfilled");
        assertThat(json(expect(put(missed, "{\"status\":\"noshow\"}"), 200)).get("status").asText()).isEqualTo("noshow");

        expect(completedTooEarly, 400);
        assertThat(json(expect(clinic.call(frontDesk, "GET", "/api/appointments/" + visit, null), 200))
                .get("status").asText()).isEqualTo("fulfilled");
    }

    @Test
    void aCancelledSlotIsHeldForTheFirstWaitlistedPatientWhoCanClaimIt() {
        String waiting = clinic.consentedPatient();
        String later = clinic.consentedPatient();
        String id = book(clinic.consentedPatient(), "15:00").get("id").asText();
        String entry = json(expect(clinic.call(frontDesk, "POST", "/api/appointments/waitlist", waitlist(waiting)), 201))
                .get("id").asText();
        expect(clinic.call(frontDesk, "POST", "/api/appointments/waitlist", waitlist(later)), 201);

        expect(put(id, "{\"status\":\"cancelled\",\"cancellationReason\":\"prov\"}"), 200);

        await().atMost(Duration.ofSeconds(30)).until(() -> "offered".equals(jdbc.sql(
                "select status from scheduling_waitlist where entry_id = ?").param(entry).query(String.class).single()));
        expect(post(booking(clinic.consentedPatient(), doctor, site, weekdayAt(0, "15:00"))), 409);
        JsonNode claimed = json(expect(clinic.call(frontDesk, "POST", "/api/appointments/waitlist/" + entry + "/claim",
                null), 201));
        assertThat(claimed.get("patient").asText()).isEqualTo(waiting);
        assertThat(instant(claimed.get("start").asText())).isEqualTo(instant(weekdayAt(0, "15:00")));
        assertThat(jdbc.sql("select count(*) from scheduling_waitlist where patient_id = ? and status = 'waiting'")
                .param(later).query(Integer.class).single()).as("the next in line still waits").isEqualTo(1);
    }

    @Test
    void frontDeskMayBookButABillerMayNot() {
        String patient = clinic.consentedPatient();
        String biller = clinic.token(Role.BILLER);

        HttpResponse<String> refused = clinic.call(biller, "POST", "/api/appointments",
                booking(patient, doctor, site, weekdayAt(0, "16:00")));

        expect(refused, 403);
        assertThat(jdbc.sql("select count(*) from scheduling_reservation where patient_id = ?").param(patient)
                .query(Integer.class).single()).as("the refused booking left nothing behind").isZero();
        expect(post(booking(patient, doctor, site, weekdayAt(0, "16:00"))), 201);
    }

    @Test
    void anAdministratorSetsUpSchedulesButABillerMayNot() {
        String biller = clinic.token(Role.BILLER);

        expect(clinic.call(biller, "PUT", "/api/scheduling/locations/" + site,
                "{\"zone\":\"Europe/Paris\",\"holidays\":[]}"), 403);
        HttpResponse<String> badZone = clinic.call(clinic.token(Role.ADMINISTRATOR), "PUT",
                "/api/scheduling/locations/" + site, "{\"zone\":\"Mars/Olympus\"}");

        expect(badZone, 400);
        assertThat(jdbc.sql("select zone_id from scheduling_location where location_id = ?").param(site)
                .query(String.class).single()).isEqualTo("America/New_York");
    }

    private JsonNode book(String patient, String localTime) {
        return json(expect(post(booking(patient, doctor, site, weekdayAt(0, localTime))), 201));
    }

    private String waitlist(String patient) {
        return "{\"patient\":\"" + patient + "\",\"practitioner\":\"" + doctor + "\",\"from\":\"" + weekdayAt(0, "08:00")
                + "\",\"to\":\"" + weekdayAt(0, "18:00") + "\"}";
    }

    private HttpResponse<String> post(String body) {
        return clinic.call(frontDesk, "POST", "/api/appointments", body);
    }

    private HttpResponse<String> put(String id, String body) {
        return clinic.call(frontDesk, "PUT", "/api/appointments/" + id, body);
    }

    private static java.time.Instant instant(String value) {
        return OffsetDateTime.parse(value).toInstant();
    }
}
