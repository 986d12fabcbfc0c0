package health.salus.scheduling;

import static health.salus.scheduling.SchedulingClinic.booking;
import static health.salus.scheduling.SchedulingClinic.expect;
import static health.salus.scheduling.SchedulingClinic.json;
import static health.salus.scheduling.SchedulingClinic.weekdayAt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import health.salus.security.Role;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/appointments/suggestions} on a real clinic: preferences, continuity, load and the
 * no-show model feed the choice; the suggestion is only advice (staff book it or any other slot); bad
 * requests are 400s with field errors; a caller who may not read the patient's appointments gets 403.
 */
class SlotSuggestionTest extends SchedulingApiTest {

    @Test
    void frontDeskGetsTheBestSlotForThePreferredTimeWithTwoAlternativesAndMayBookItOrAnother() {
        String patient = clinic.consentedPatient();

        // Monday to Friday; the patient would rather come on Tuesday afternoon
        JsonNode suggestion = json(expect(suggest(frontDesk, request(patient, "\"practitionerId\":\"" + doctor + "\"",
                weekdayAt(0, "00:00"), weekdayAt(1, "00:00"), ",\"preferredDays\":[\"TUESDAY\"],"
                        + "\"preferredTimes\":[{\"start\":\"13:00\",\"end\":\"17:00\"}]")), 200));

        JsonNode best = suggestion.get("best");
        ZonedDateTime bestStart = local(best.get("slot").get("start").asText());
        assertThat(bestStart.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
        assertThat(bestStart.getHour()).isBetween(13, 16);
        assertThat(codes(best)).contains("PREFERRED_TIME", "EARLY", "LIGHT_DAY", "NO_SHOW_RISK");
        assertThat(best.get("slot").get("practitioner").asText()).isEqualTo(doctor);
        assertThat(suggestion.get("alternatives")).hasSize(2);
        assertThat(suggestion.get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(suggestion.get("considered").asInt()).isGreaterThan(3);
        assertThat(best.get("score").asDouble()).isGreaterThanOrEqualTo(
                suggestion.get("alternatives").get(0).get("score").asDouble());

        // the suggestion is advice: the suggested slot books, and so does one staff choose instead
        expect(clinic.call(frontDesk, "POST", "/api/appointments", booking(patient, doctor, site,
                best.get("slot").get("start").asText())), 201);
        expect(clinic.call(frontDesk, "POST", "/api/appointments", booking(clinic.consentedPatient(), doctor, site,
                weekdayAt(0, "09:00"))), 201);
    }

    @Test
    void theSameRequestTwiceGivesTheSameAnswer() {
        String patient = clinic.consentedPatient();
        String body = request(patient, "\"practitionerId\":\"" + doctor + "\"", weekdayAt(0, "08:00"),
                weekdayAt(1, "08:00"), ",\"urgency\":\"soon\"");

        String first = expect(suggest(frontDesk, body), 200).body();
        String second = expect(suggest(frontDesk, body), 200).body();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aPatientsUsualPractitionerIsSuggestedAmongTheSpecialtysPractitioners() {
        String specialty = "sp" + SchedulingClinic.unique();
        String usual = clinic.practitioner(site, specialty);
        clinic.practitioner(site, specialty);
        String patient = clinic.consentedPatient();
        clinic.pastVisit(patient, usual, site, 60);
        clinic.pastVisit(patient, usual, site, 30);
        String newcomer = clinic.consentedPatient();

        JsonNode known = json(expect(suggest(frontDesk, request(patient, "\"specialty\":\"" + specialty + "\"",
                weekdayAt(0, "08:00"), weekdayAt(0, "18:00"), "")), 200));
        JsonNode fresh = json(expect(suggest(frontDesk, request(newcomer, "\"specialty\":\"" + specialty + "\"",
                weekdayAt(0, "08:00"), weekdayAt(0, "18:00"), "")), 200));

        assertThat(known.get("best").get("slot").get("practitioner").asText()).isEqualTo(usual);
        assertThat(codes(known.get("best"))).contains("USUAL_PROVIDER");
        assertThat(fresh.findValuesAsText("code")).doesNotContain("USUAL_PROVIDER");
    }

    @Test
    void theLoadReasonShowsHowFullThePractitionersDayIs() {
        for (String time : new String[] {"09:00", "09:45", "10:30", "11:15"}) {
            expect(clinic.call(frontDesk, "POST", "/api/appointments", booking(clinic.consentedPatient(), doctor, site,
                    weekdayAt(0, time))), 201);
        }

        JsonNode suggestion = json(expect(suggest(frontDesk, request(clinic.consentedPatient(),
                "\"practitionerId\":\"" + doctor + "\"", weekdayAt(0, "08:00"), weekdayAt(0, "18:00"), "")), 200));

        // four visits of 30 minutes plus 15 of buffer fill 180 of the day's 420 open minutes
        assertThat(suggestion.findValuesAsText("text")).contains("Lighter day for this practitioner (43% booked)");
        assertThat(suggestion.get("considered").asInt()).isEqualTo(5);   // 13:00 … 16:00, 45 minutes apart
    }

    @Test
    void aPatientWhoOftenMissesVisitsIsKeptOffTheLastSlotOfTheDayThatAReliableOneGets() {
        String unreliable = clinic.consentedPatient();
        for (int daysAgo = 20; daysAgo <= 120; daysAgo += 20) {
            clinic.pastVisit(unreliable, doctor, site, daysAgo, org.hl7.fhir.r4.model.Appointment.AppointmentStatus.NOSHOW);
        }
        String reliable = clinic.consentedPatient();
        for (int daysAgo = 20; daysAgo <= 120; daysAgo += 20) {
            clinic.pastVisit(reliable, doctor, site, daysAgo);
        }
        // 15:00, 15:45 and 16:30 are free; 16:30 is the last of the day and the one both would rather have
        String afternoon = ",\"preferredTimes\":[{\"start\":\"16:00\",\"end\":\"17:00\"}]";

        JsonNode forUnreliable = json(expect(suggest(frontDesk, request(unreliable, "\"practitionerId\":\"" + doctor
                + "\"", weekdayAt(0, "15:00"), weekdayAt(0, "17:00"), afternoon)), 200));
        JsonNode forReliable = json(expect(suggest(frontDesk, request(reliable, "\"practitionerId\":\"" + doctor
                + "\"", weekdayAt(0, "15:00"), weekdayAt(0, "17:00"), afternoon)), 200));

        String lastSlot = utc(weekdayAt(0, "16:30"));
        assertThat(forUnreliable.get("considered").asInt()).isEqualTo(3);
        assertThat(forUnreliable.get("best").get("slot").get("start").asText()).isNotEqualTo(lastSlot);
        assertThat(forUnreliable.findValuesAsText("code")).contains("HIGH_RISK_HARD_TO_REFILL");
        assertThat(forReliable.get("best").get("slot").get("start").asText()).isEqualTo(lastSlot);
        assertThat(forReliable.findValuesAsText("code")).doesNotContain("HIGH_RISK_HARD_TO_REFILL");
    }

    @Test
    void badRequestsGetAFieldErrorEach() {
        String patient = clinic.consentedPatient();
        String withDoctor = "\"practitionerId\":\"" + doctor + "\"";

        assertField(request(patient, withDoctor, weekdayAt(0, "12:00"), weekdayAt(0, "08:00"), ""), "to");
        assertField(request(patient, withDoctor, weekdayAt(0, "08:00"), weekdayAt(6, "08:00"), ""), "to");
        assertField(request(patient, "\"practitionerId\":\"no-such-practitioner\"", weekdayAt(0, "08:00"),
                weekdayAt(0, "18:00"), ""), "practitionerId");
        assertField(request(patient, withDoctor, weekdayAt(0, "08:00"), weekdayAt(0, "18:00"),
                ",\"urgency\":\"yesterday\""), "urgency");
        assertField(request(patient, withDoctor, weekdayAt(0, "08:00"), weekdayAt(0, "18:00"),
                ",\"preferredDays\":[\"SOMEDAY\"]"), "preferredDays[0]");
        assertField(request(patient, withDoctor, weekdayAt(0, "08:00"), weekdayAt(0, "18:00"),
                ",\"preferredTimes\":[{\"start\":\"15:00\",\"end\":\"09:00\"}]"), "preferredTimes[0].end");
        assertField(request(patient, withDoctor, "next week", weekdayAt(0, "18:00"), ""), "from");
        assertField(request(patient, "\"locationId\":\"\"", weekdayAt(0, "08:00"), weekdayAt(0, "18:00"), ""),
                "practitionerId");
        assertField(request(patient, withDoctor, weekdayAt(0, "08:00"), weekdayAt(0, "18:00"),
                ",\"appointmentType\":\"NO-SUCH-TYPE\""), "appointmentType");
        assertField(request("no-such-patient", withDoctor, weekdayAt(0, "08:00"), weekdayAt(0, "18:00"), ""),
                "patientId");
    }

    @Test
    void aCallerWhoMayReadThePatientsAppointmentsGetsSuggestions() {
        String patient = clinic.consentedPatient();

        expect(suggest(frontDesk, request(patient, "\"practitionerId\":\"" + doctor + "\"", weekdayAt(0, "08:00"),
                weekdayAt(0, "18:00"), "")), 200);
    }

    @Test
    void aCallerWhoMayNotReadThePatientsAppointmentsIsRefused() {
        String patient = clinic.consentedPatient();

        HttpResponse<String> refused = suggest(clinic.token(Role.BILLER), request(patient, "\"practitionerId\":\""
                + doctor + "\"", weekdayAt(0, "08:00"), weekdayAt(0, "18:00"), ""));

        expect(refused, 403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("application/problem+json"));
        assertThat(refused.body()).doesNotContain(patient);
    }

    private void assertField(String body, String field) {
        HttpResponse<String> response = suggest(frontDesk, body);
        expect(response, 400);
        assertThat(json(response).get("errors").findValuesAsText("field")).as(body).contains(field);
    }

    private HttpResponse<String> suggest(String token, String body) {
        return clinic.call(token, "POST", "/api/appointments/suggestions", body);
    }

    private static String request(String patient, String whose, String from, String to, String more) {
        return "{\"patientId\":\"" + patient + "\"," + whose + ",\"from\":\"" + from + "\",\"to\":\"" + to + "\""
                + more + "}";
    }

    private static List<String> codes(JsonNode scored) {
        List<String> codes = new ArrayList<>();
        scored.get("reasons").forEach(r -> codes.add(r.get("code").asText()));
        return codes;
    }

    private static String utc(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant().toString();
    }

    private static ZonedDateTime local(String instant) {
        return OffsetDateTime.parse(instant).atZoneSameInstant(SchedulingClinic.NEW_YORK);
    }
}
