package health.salus.scheduling;

import static health.salus.scheduling.SchedulingClinic.booking;
import static health.salus.scheduling.SchedulingClinic.expect;
import static health.salus.scheduling.SchedulingClinic.json;
import static health.salus.scheduling.SchedulingClinic.weekdayAt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import org.hl7.fhir.r4.model.Appointment;
import org.junit.jupiter.api.Test;

/** Booking through {@code /api/appointments}: stored as FHIR, prefixed identifiers, taken times and 409s. */
class AppointmentBookingTest extends SchedulingApiTest {

    @Test
    void frontDeskBooksAFreeSlotAsAFhirAppointmentAndTheSlotIsNoLongerOffered() {
        String patient = clinic.consentedPatient();
        String start = weekdayAt(0, "09:00");

        JsonNode booked = json(expect(clinic.call(frontDesk, "POST", "/api/appointments",
                booking(patient, doctor, site, start)), 201));

        assertThat(booked.get("status").asText()).isEqualTo("booked");
        assertThat(booked.get("identifier").asText()).startsWith("APT-");
        assertThat(booked.get("minutesDuration").asInt()).isEqualTo(30);
        assertThat(OffsetDateTime.parse(booked.get("start").asText()).toInstant())
                .isEqualTo(OffsetDateTime.parse(start).toInstant());
        Appointment stored = system.call("test", () -> (Appointment) store.read("Appointment", booked.get("id").asText()));
        assertThat(stored.getParticipant()).extracting(p -> p.getActor().getReference())
                .contains("Patient/" + patient, "Practitioner/" + doctor, "Location/" + site);
        JsonNode slots = json(expect(clinic.call(frontDesk, "GET", "/api/appointments/slots?practitioner=" + doctor
                + "&from=" + utc(weekdayAt(0, "08:00")) + "&to=" + utc(weekdayAt(0, "11:00")), null), 200));
        // 09:00 is taken and its buffer runs to 09:45, the next offers keep visit + buffer apart
        assertThat(slots.findValuesAsText("start")).containsExactly(utc(weekdayAt(0, "09:45")),
                utc(weekdayAt(0, "10:30")));
        assertThat(json(expect(clinic.call(frontDesk, "GET", "/api/appointments/provider/" + doctor, null), 200))
                .findValuesAsText("id")).containsExactly(booked.get("id").asText());
        // the booking's no-show risk is predicted once it has committed, with the model version that judged it
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(jdbc.sql("select count(*) from scheduling_no_show_prediction where appointment_id = ? "
                        + "and model_version is not null").param(booked.get("id").asText()).query(Integer.class).single())
                        .isEqualTo(1));
    }

    @Test
    void aTelehealthVisitGetsTheTelPrefix() {
        String patient = clinic.consentedPatient();
        String body = booking(patient, doctor, site, weekdayAt(0, "10:30")).replace("}",
                ",\"visitMode\":\"telehealth\",\"appointmentType\":\"FOLLOWUP\"}");

        JsonNode booked = json(expect(clinic.call(frontDesk, "POST", "/api/appointments", body), 201));

        assertThat(booked.get("identifier").asText()).startsWith("TEL-");
        assertThat(booked.get("visitMode").asText()).isEqualTo("telehealth");
        assertThat(booked.get("minutesDuration").asInt()).as("the type's length overrides the default").isEqualTo(15);
    }

    @Test
    void aTimeOverlappingAnotherBookingOrItsBufferIsRefusedWith409AndThreeAlternatives() {
        expect(clinic.call(frontDesk, "POST", "/api/appointments",
                booking(clinic.consentedPatient(), doctor, site, weekdayAt(0, "14:00"))), 201);

        // 14:30 starts inside the first booking's 15-minute buffer
        HttpResponse<String> refused = clinic.call(frontDesk, "POST", "/api/appointments",
                booking(clinic.consentedPatient(), doctor, site, weekdayAt(0, "14:30")));

        expect(refused, 409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("application/problem+json"));
        JsonNode alternatives = json(refused).get("alternatives");
        assertThat(alternatives).hasSize(3);
        alternatives.forEach(slot -> assertThat(slot.get("practitioner").asText()).isEqualTo(doctor));
        assertThat(jdbc.sql("select count(*) from scheduling_reservation where practitioner_id = ?").param(doctor)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void badRequestsGetAFieldErrorEach() {
        String consented = clinic.consentedPatient();
        assertField(booking(consented, doctor, site, weekdayAt(0, "09:00")).replace("}",
                ",\"end\":\"" + weekdayAt(0, "08:30") + "\"}"), "end");
        assertField(booking(consented, doctor, site, OffsetDateTime.now().minusDays(1).withNano(0).toString()), "start");
        assertField(booking(consented, "no-such-practitioner", site, weekdayAt(0, "09:00")), "practitioner");
        assertField(booking(clinic.patientWithoutConsent(), doctor, site, weekdayAt(0, "09:00")), "patient");
        assertField(booking("no-such-patient", doctor, site, weekdayAt(0, "09:00")), "patient");
        assertField(booking(consented, doctor, site, weekdayAt(0, "12:15")), "start");   // lunch break
        assertField(booking(consented, doctor, site, weekdayAt(0, "09:03")), "start");   // off the grid
        assertField(booking(consented, doctor, site, "next tuesday"), "start");
        assertField(booking(consented, doctor, "elsewhere", weekdayAt(0, "09:00")), "location");
        assertThat(jdbc.sql("select count(*) from scheduling_reservation where practitioner_id = ?").param(doctor)
                .query(Integer.class).single()).as("nothing was reserved").isZero();
    }

    @Test
    void slotSearchFindsBySpecialtyAndBySiteAndRejectsAReversedRange() {
        String specialty = "sp" + SchedulingClinic.unique();
        String other = clinic.practitioner(site, specialty);

        JsonNode bySpecialty = json(expect(clinic.call(frontDesk, "GET", "/api/appointments/slots?specialty="
                + specialty + "&from=" + utc(weekdayAt(0, "08:00")) + "&to=" + utc(weekdayAt(0, "18:00")), null), 200));
        JsonNode bySite = json(expect(clinic.call(frontDesk, "GET", "/api/appointments/slots?location=" + site
                + "&from=" + utc(weekdayAt(0, "08:00")) + "&to=" + utc(weekdayAt(0, "10:00")), null), 200));
        HttpResponse<String> reversed = clinic.call(frontDesk, "GET", "/api/appointments/slots?location=" + site
                + "&from=" + utc(weekdayAt(0, "10:00")) + "&to=" + utc(weekdayAt(0, "08:00")), null);

        assertThat(bySpecialty.findValuesAsText("practitioner")).isNotEmpty().containsOnly(other);
        // 09:00–12:00 and 13:00–17:00 with 30 + 15 minutes per visit: 4 + 5
        assertThat(bySpecialty).hasSize(9);
        assertThat(bySite.findValuesAsText("practitioner")).contains(doctor, other);
        expect(reversed, 400);
        assertThat(json(reversed).get("errors").findValuesAsText("field")).containsExactly("to");
    }

    @Test
    void aLimitedSearchOffersTheSoonestSlotsAcrossEveryPractitioner() {
        String other = clinic.practitioner(site, "sp" + SchedulingClinic.unique());
        expect(clinic.call(frontDesk, "POST", "/api/appointments",
                booking(clinic.consentedPatient(), other, site, weekdayAt(1, "09:00"))), 201);
        String range = "/api/appointments/slots?location=" + site + "&from=" + utc(weekdayAt(1, "08:00")) + "&to="
                + utc(weekdayAt(1, "18:00"));

        JsonNode all = json(expect(clinic.call(frontDesk, "GET", range + "&limit=1000", null), 200));
        JsonNode first = json(expect(clinic.call(frontDesk, "GET", range + "&limit=5", null), 200));

        assertThat(first).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(first.get(i)).isEqualTo(all.get(i));
        }
        assertThat(first.findValuesAsText("practitioner")).contains(doctor, other);
    }

    private void assertField(String body, String field) {
        HttpResponse<String> response = clinic.call(frontDesk, "POST", "/api/appointments", body);
        expect(response, 400);
        assertThat(json(response).get("errors").findValuesAsText("field")).as(body).contains(field);
    }

    static String utc(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant().toString();
    }
}
