package health.salus.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import health.salus.security.Accounts;
import health.salus.security.Role;
import health.salus.support.CryptoEvents;
import health.salus.support.FhirApiTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Crypto-shredding: after a patient's keys are destroyed, every copy of their data is gone, nobody else's. */
class PatientErasureTest extends FhirApiTest {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CryptoEvents events;

    private CryptoApi api;

    @BeforeEach
    void setUp() {
        api = new CryptoApi(port);
    }

    @Test
    void erasedPatientIsGoneFromReadsSearchesAndHistoryWhileOthersStayReadable() {
        String family = "Erase" + unique();
        String keptFamily = "Keep" + unique();
        String erased = create(ClinicalData.patient(family, "E", unique())).getIdElement().getIdPart();
        String kept = create(ClinicalData.patient(keptFamily, "K", unique())).getIdElement().getIdPart();
        Observation observation = create(ClinicalData.heartRate(erased, "n" + unique()));
        String erasedObservation = observation.getIdElement().getIdPart();
        observation.getNoteFirstRep().setText("second version");
        expect(http.put("/Observation/" + erasedObservation, json(observation), Map.of()), 200);
        String keptObservation = create(ClinicalData.heartRate(kept, "n" + unique())).getIdElement().getIdPart();
        String reason = "Patient exercised the right to erasure, ticket 42";

        HttpResponse<String> response = erase(api.tokenFor(accounts, Role.PRIVACY_OFFICER), erased, reason);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode erasure = CryptoApi.json(response);
        assertThat(erasure.get("keysDestroyed").asInt()).isPositive();
        assertThat(diagnostics(outcome(http.get("/Patient/" + erased), 410))).contains("erased");
        outcome(http.get("/Patient/" + erased + "/_history/1"), 410);
        outcome(http.get("/Observation/" + erasedObservation), 410);
        outcome(http.get("/Observation/" + erasedObservation + "/_history/1"), 410);
        assertThat(search("Patient?family=" + family).getEntry()).isEmpty();
        assertThat(search("Observation?subject=Patient/" + erased).getEntry()).isEmpty();
        assertThat(search("Observation/" + erasedObservation + "/_history").getEntry()).isEmpty();
        assertThat(search("Patient/" + erased + "/_history").getEntry()).isEmpty();
        assertThat(entryIds(search("Observation/_history?_count=500"))).doesNotContain(erasedObservation);
        assertThat(jdbc.queryForObject("select count(*) from crypto_data_key where owner = ? and "
                + "(wrapped_key is not null or state <> 'destroyed' or destroyed_at is null)", Integer.class,
                "Patient/" + erased)).isZero();

        assertThat(read(Patient.class, kept).getNameFirstRep().getFamily()).isEqualTo(keptFamily);
        assertThat(read(Observation.class, keptObservation).getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
        assertThat(matchIds(search("Patient?family=" + keptFamily))).containsExactly(kept);
        assertThat(entryIds(search("Patient/" + kept + "/$everything"))).contains(kept, keptObservation);

        PatientKeysDestroyed event = events.of(PatientKeysDestroyed.class).stream()
                .filter(e -> e.patientId().equals(erased)).findFirst().orElseThrow();
        assertThat(event.reasonLength()).isEqualTo(reason.length());
        assertThat(event.actorId()).isNotBlank();
        assertThat(event.toString()).doesNotContain("ticket 42");
        Map<String, Object> audited = jdbc.queryForMap("select category, actor_id, actor_roles, detail from audit_entry "
                + "where action = 'patient-keys-destroyed' and patient_id = ?", erased);
        assertThat(audited.get("category")).isEqualTo("KEY_MANAGEMENT");
        assertThat(audited.get("actor_id")).isEqualTo(event.actorId());
        assertThat((String) audited.get("actor_roles")).contains("privacy-officer");
        assertThat((String) audited.get("detail")).doesNotContain("ticket");
    }

    @Test
    void newDataForAnErasedPatientGetsANewKeyAndIsReadable() {
        String erased = create(ClinicalData.patient("Again" + unique(), "A", unique())).getIdElement().getIdPart();
        assertThat(erase(api.tokenFor(accounts, Role.ADMINISTRATOR), erased, "Erasure requested in writing")
                .statusCode()).isEqualTo(201);

        String note = "after erasure " + unique();
        String later = create(ClinicalData.heartRate(erased, note)).getIdElement().getIdPart();

        assertThat(read(Observation.class, later).getNoteFirstRep().getText()).isEqualTo(note);
        outcome(http.get("/Patient/" + erased), 410);
    }

    @Test
    void aNurseMayNotErasePatientData() {
        String patient = create(ClinicalData.patient("Nurse" + unique(), "N", unique())).getIdElement().getIdPart();

        HttpResponse<String> denied = erase(api.tokenFor(accounts, Role.NURSE), patient, "I would like to erase this");

        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(read(Patient.class, patient).getIdElement().getIdPart()).isEqualTo(patient);
        assertThat(jdbc.queryForObject("select count(*) from crypto_data_key where owner = ? and state = 'destroyed'",
                Integer.class, "Patient/" + patient)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'patient-keys-destroyed' "
                + "and patient_id = ?", Integer.class, patient)).isZero();
    }

    @Test
    void anErasureNeedsAPatientIdAndAReason() {
        String officer = api.tokenFor(accounts, Role.PRIVACY_OFFICER);
        assertThat(erase(officer, "not a valid id!", "Some valid reason here").statusCode()).isEqualTo(400);
        assertThat(erase(officer, "abc", "short").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> erase(String token, String patientId, String reason) {
        return api.call(token, "POST", "/api/crypto/erasures", "{\"patientId\":\"" + patientId + "\",\"reason\":\""
                + reason + "\"}");
    }

    private static java.util.List<String> entryIds(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList();
    }
}
