package health.salus.scheduling;

import static health.salus.scheduling.SchedulingClinic.booking;
import static health.salus.scheduling.SchedulingClinic.expect;
import static health.salus.scheduling.SchedulingClinic.json;
import static health.salus.scheduling.SchedulingClinic.weekdayAt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import health.salus.security.Role;
import health.salus.support.TestUsers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Patients book, move and cancel their own visits through {@code /api/appointments} — and nothing more:
 * not someone else's, not the clinic's status changes, not by writing the FHIR Appointment directly.
 */
class PatientSelfBookingTest extends SchedulingApiTest {

    String patient;
    String patientToken;

    @BeforeEach
    void patient() {
        patient = clinic.consentedPatient();
        patientToken = clinic.tokenFor(TestUsers.create(accounts, Role.PATIENT, "Patient/" + patient));
    }

    @Test
    void aPatientBooksMovesAndCancelsTheirOwnVisit() {
        JsonNode booked = json(expect(clinic.call(patientToken, "POST", "/api/appointments",
                booking(patient, doctor, site, weekdayAt(0, "09:00"))), 201));
        String id = booked.get("id").asText();

        JsonNode moved = json(expect(clinic.call(patientToken, "PUT", "/api/appointments/" + id,
                "{\"start\":\"" + weekdayAt(0, "10:30") + "\"}"), 200));
        JsonNode cancelled = json(expect(clinic.call(patientToken, "PUT", "/api/appointments/" + id,
                "{\"status\":\"cancelled\",\"cancellationReason\":\"pat\"}"), 200));

        assertThat(moved.get("start").asText()).isNotEqualTo(booked.get("start").asText());
        assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void aPatientCannotBookForSomeoneElseAndNothingIsReserved() {
        String other = clinic.consentedPatient();

        HttpResponse<String> refused = clinic.call(patientToken, "POST", "/api/appointments",
                booking(other, doctor, site, weekdayAt(0, "09:00")));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(reservations()).isZero();
    }

    @Test
    void aPatientCannotCheckThemselvesInOrMarkTheVisitDone() {
        String id = json(expect(clinic.call(patientToken, "POST", "/api/appointments",
                booking(patient, doctor, site, weekdayAt(0, "11:00"))), 201)).get("id").asText();

        HttpResponse<String> arrived = clinic.call(patientToken, "PUT", "/api/appointments/" + id,
                "{\"status\":\"arrived\"}");
        HttpResponse<String> byDesk = clinic.call(clinic.token(Role.FRONT_DESK), "PUT", "/api/appointments/" + id,
                "{\"status\":\"arrived\"}");

        assertThat(arrived.statusCode()).isEqualTo(403);
        assertThat(json(expect(byDesk, 200)).get("status").asText()).isEqualTo("arrived");
    }

    @Test
    void aPatientsBareFhirWriteOfAnAppointmentIsRefusedWhileStaffMayRecordAPastVisit() {
        String start = AppointmentBookingTest.utc(weekdayAt(0, "14:00"));
        String end = AppointmentBookingTest.utc(weekdayAt(0, "14:30"));
        String appointment = "{\"resourceType\":\"Appointment\",\"status\":\"booked\",\"start\":\""
                + start + "\",\"end\":\"" + end + "\",\"participant\":["
                + "{\"actor\":{\"reference\":\"Patient/" + patient + "\"},\"status\":\"accepted\"},"
                + "{\"actor\":{\"reference\":\"Practitioner/" + doctor + "\"},\"status\":\"accepted\"}]}";

        HttpResponse<String> byPatient = clinic.call(patientToken, "POST", "/fhir/Appointment", appointment);
        HttpResponse<String> byDesk = clinic.call(clinic.token(Role.FRONT_DESK), "POST", "/fhir/Appointment",
                appointment.replace(start, "2026-01-05T14:00:00Z").replace(end, "2026-01-05T14:30:00Z"));

        assertThat(byPatient.statusCode()).isEqualTo(422);
        assertThat(byPatient.body()).contains("/api/appointments");
        assertThat(byDesk.statusCode()).isEqualTo(201);
    }

    private int reservations() {
        return jdbc.sql("select count(*) from scheduling_reservation where practitioner_id = ?").param(doctor)
                .query(Integer.class).single();
    }
}
