package health.salus.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.salus.fhir.BodyCodec;
import health.salus.support.FhirApiTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** What lands in the database is ciphertext under the patient's own key, and opens only for that patient. */
class EncryptionAtRestTest extends FhirApiTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BodyCodec codec;
    @Autowired
    PatientDataCipher cipher;

    record Stored(String keyId, byte[] body, String compartment) {
    }

    private List<Stored> stored(String table, String type, String id) {
        return jdbc.query("select key_id, body, compartment from " + table + " where res_type = ? and fhir_id = ?",
                (rs, n) -> new Stored(rs.getString(1), rs.getBytes(2), rs.getString(3)), type, id);
    }

    @Test
    void storedBodiesHoldNoneOfTheSubmittedTextAndReadsStillReturnIt() {
        String family = "Family" + unique();
        String given = "Given" + unique();
        String mrn = "MRN" + unique();
        String note = "Note about chest pain " + unique();
        Patient patient = create(ClinicalData.patient(family, given, mrn));
        String patientId = patient.getIdElement().getIdPart();
        Observation observation = create(ClinicalData.heartRate(patientId, note));
        String observationId = observation.getIdElement().getIdPart();

        List<Stored> rows = new java.util.ArrayList<>();
        for (String table : List.of("fhir_resource", "fhir_resource_history")) {
            rows.addAll(stored(table, "Patient", patientId));
            rows.addAll(stored(table, "Observation", observationId));
        }
        assertThat(rows).hasSize(4);
        for (Stored row : rows) {
            String raw = new String(row.body(), StandardCharsets.ISO_8859_1);
            assertThat(raw).doesNotContain(family, given, mrn, note, "resourceType", "8867-4");
            assertThat(row.body()[0]).as("not JSON").isNotEqualTo((byte) '{');
            assertThat(row.keyId()).startsWith("dk:");
        }

        Patient read = read(Patient.class, patientId);
        assertThat(read.getNameFirstRep().getFamily()).isEqualTo(family);
        assertThat(read.getIdentifierFirstRep().getValue()).isEqualTo(mrn);
        assertThat(read(Observation.class, observationId).getNoteFirstRep().getText()).isEqualTo(note);
    }

    @Test
    void twoPatientsGetDifferentDataKeysAndTheirResourcesShareTheirPatientsKey() {
        String first = create(ClinicalData.patient("A" + unique(), "A", unique())).getIdElement().getIdPart();
        String second = create(ClinicalData.patient("B" + unique(), "B", unique())).getIdElement().getIdPart();
        String observation = create(ClinicalData.heartRate(first, "n" + unique())).getIdElement().getIdPart();

        String firstKey = stored("fhir_resource", "Patient", first).get(0).keyId();
        String secondKey = stored("fhir_resource", "Patient", second).get(0).keyId();
        assertThat(firstKey).isNotEqualTo(secondKey);
        assertThat(stored("fhir_resource", "Observation", observation).get(0).keyId()).isEqualTo(firstKey);
        assertThat(jdbc.queryForList("select owner from crypto_data_key where id in (?, ?)", String.class,
                Long.parseLong(firstKey.substring(3)), Long.parseLong(secondKey.substring(3))))
                .containsExactlyInAnyOrder("Patient/" + first, "Patient/" + second);
    }

    @Test
    void ciphertextMovedToAnotherPatientsRowDoesNotOpenAndTheErrorNamesNoPatient() {
        String secret = "Secret note " + unique();
        String victim = create(ClinicalData.patient("V" + unique(), "V", unique())).getIdElement().getIdPart();
        String other = create(ClinicalData.patient("O" + unique(), "O", unique())).getIdElement().getIdPart();
        String victimObservation = create(ClinicalData.heartRate(victim, secret)).getIdElement().getIdPart();
        String otherObservation = create(ClinicalData.heartRate(other, "n" + unique())).getIdElement().getIdPart();
        Stored victimRow = stored("fhir_resource", "Observation", victimObservation).get(0);
        Stored otherRow = stored("fhir_resource", "Observation", otherObservation).get(0);

        // the victim's body and key id copied into the other patient's row
        assertThatThrownBy(() -> codec.open(other, victimRow.keyId(), victimRow.body()))
                .isInstanceOf(BodyCodec.UnreadableBodyException.class)
                .hasMessageNotContaining(victim).hasMessageNotContaining(other).hasMessageNotContaining(secret);
        // only the body copied, under the other patient's own key id: the GCM tag does not verify
        assertThatThrownBy(() -> codec.open(other, otherRow.keyId(), victimRow.body()))
                .isInstanceOf(BodyCodec.UnreadableBodyException.class)
                .isNotInstanceOf(BodyCodec.KeyDestroyedException.class)
                .hasMessageNotContaining(victim).hasMessageNotContaining(other);
        // and through the API, a clean OperationOutcome without the content, not a stack trace
        jdbc.update("update fhir_resource set key_id = ?, body = ? where res_type = 'Observation' and fhir_id = ?",
                victimRow.keyId(), victimRow.body(), otherObservation);
        try {
            var response = http.get("/Observation/" + otherObservation);
            assertThat(outcome(response, 500).getIssueFirstRep().getDiagnostics())
                    .doesNotContain(secret, victim, other, "Exception");
        } finally {
            jdbc.update("update fhir_resource set key_id = ?, body = ? where res_type = 'Observation' "
                    + "and fhir_id = ?", otherRow.keyId(), otherRow.body(), otherObservation);
        }
        assertThat(codec.open(victim, victimRow.keyId(), victimRow.body())).isNotEmpty();
    }

    @Test
    void patientDataCipherSealsOtherModulesDataUnderThePatientsKey() {
        String patient = create(ClinicalData.patient("M" + unique(), "M", unique())).getIdElement().getIdPart();
        String other = create(ClinicalData.patient("N" + unique(), "N", unique())).getIdElement().getIdPart();
        byte[] message = ("Message text " + unique()).getBytes(StandardCharsets.UTF_8);

        PatientDataCipher.Ciphertext sealed = cipher.encrypt(Optional.of(patient), message);

        assertThat(sealed.keyId()).isEqualTo(stored("fhir_resource", "Patient", patient).get(0).keyId());
        assertThat(new String(sealed.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("Message text");
        assertThat(cipher.decrypt(Optional.of(patient), sealed)).isEqualTo(message);
        assertThatThrownBy(() -> cipher.decrypt(Optional.of(other), sealed))
                .isInstanceOf(BodyCodec.UnreadableBodyException.class);
        assertThatThrownBy(() -> cipher.decrypt(Optional.empty(), sealed))
                .isInstanceOf(BodyCodec.UnreadableBodyException.class);
        PatientDataCipher.Ciphertext organisation = cipher.encrypt(Optional.empty(), message);
        assertThat(cipher.decrypt(Optional.empty(), organisation)).isEqualTo(message);
        assertThat(organisation.keyId()).isNotEqualTo(sealed.keyId());
    }
}
