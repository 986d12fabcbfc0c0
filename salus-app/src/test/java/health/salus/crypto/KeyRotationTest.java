package health.salus.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import health.salus.crypto.keys.DataKeys;
import health.salus.security.Accounts;
import health.salus.security.Role;
import health.salus.support.CryptoEvents;
import health.salus.support.FhirApiTest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** KEK rotation (re-wrap), data key rotation (re-seal every body) and who may start them. */
class KeyRotationTest extends FhirApiTest {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KeyEncryptionKeys kek;
    @Autowired
    DataKeys dataKeys;
    @Autowired
    CryptoEvents events;
    @Value("${salus.crypto.kek-file}")
    String kekFile;

    private CryptoApi api;
    private String administrator;

    @BeforeEach
    void signIn() {
        api = new CryptoApi(port);
        administrator = api.tokenFor(accounts, Role.ADMINISTRATOR);
    }

    @Test
    void aNewPrimaryKekRewrapsEveryDataKeySoTheOldKekCanBeRemoved() throws Exception {
        String family = "Kek" + unique();
        String patient = create(ClinicalData.patient(family, "K", unique())).getIdElement().getIdPart();
        Path file = Path.of(kekFile);
        KeysetHandle current = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file),
                InsecureSecretKeyAccess.get());
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(current);
        builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId()
                .makePrimary());
        KeysetHandle rotated = builder.build();
        String newPrimary = Integer.toUnsignedString(rotated.getPrimary().getId());
        Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(rotated, InsecureSecretKeyAccess.get()));

        JsonNode finished = api.awaitFinished(administrator, start().get("id").asText());

        assertThat(finished.get("keysRewrapped").asInt()).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from crypto_data_key where wrapped_key is not null "
                + "and kek_id <> ?", Integer.class, newPrimary)).isZero();
        // only the new key left in the keyset: everything must still open
        KeysetHandle.Builder onlyNew = KeysetHandle.newBuilder(rotated);
        for (int i = onlyNew.size() - 1; i >= 0; i--) {
            if (!onlyNew.getAt(i).isPrimary()) {
                onlyNew.deleteAt(i);
            }
        }
        Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(onlyNew.build(),
                InsecureSecretKeyAccess.get()));
        kek.refresh();
        dataKeys.forgetUnwrappedKeys();
        assertThat(read(Patient.class, patient).getNameFirstRep().getFamily()).isEqualTo(family);
        assertThat(search("Patient?family=" + family).getEntry()).hasSize(1);
    }

    @Test
    void dataKeyRotationReSealsEveryStoredBodyWhileReadsKeepWorking() throws Exception {
        String note = "Rotation note " + unique();
        String patient = create(ClinicalData.patient("Rot" + unique(), "R", unique())).getIdElement().getIdPart();
        Observation observation = create(ClinicalData.heartRate(patient, note));
        String observationId = observation.getIdElement().getIdPart();
        observation.getNoteFirstRep().setText(note + " amended");
        expect(http.put("/Observation/" + observationId, json(observation), java.util.Map.of()), 200);
        List<String> before = keyIds(observationId);
        assertThat(before).hasSize(3).allMatch(id -> id.equals(before.get(0)));

        JsonNode started = start();
        assertThat(started.get("rowsTotal").asLong()).isPositive();
        JsonNode rotation = started;
        while (!"finished".equals(rotation.get("state").asText())) {
            // reads keep working whatever phase the rotation is in
            assertThat(read(Observation.class, observationId).getNoteFirstRep().getText()).isEqualTo(note + " amended");
            rotation = CryptoApi.json(api.call(administrator, "GET", "/api/crypto/rotations/" + started.get("id")
                    .asText(), null));
            Thread.sleep(50);
        }

        assertThat(rotation.get("rowsDone").asLong()).isEqualTo(rotation.get("rowsTotal").asLong())
                .isGreaterThanOrEqualTo(started.get("rowsTotal").asLong());
        assertThat(rotation.get("finished").isNull()).isFalse();
        List<String> after = keyIds(observationId);
        assertThat(after).hasSize(3).doesNotContainAnyElementsOf(before);
        assertThat(version(after.get(0))).isGreaterThan(version(before.get(0)));
        assertThat(jdbc.queryForObject("select state from crypto_data_key where id = ?", String.class,
                Long.parseLong(before.get(0).substring(3)))).isEqualTo("retired");
        // no stored body anywhere is left on a superseded version of a key that still exists
        for (String table : List.of("fhir_resource", "fhir_resource_history")) {
            assertThat(jdbc.queryForObject("select count(*) from " + table + " r join crypto_data_key k "
                    + "on r.key_id = 'dk:' || cast(k.id as varchar(20)) where k.state <> 'destroyed' and exists ("
                    + "select 1 from crypto_data_key n where n.owner = k.owner and n.version > k.version)",
                    Integer.class)).as(table).isZero();
        }
        assertThat(read(Observation.class, observationId).getNoteFirstRep().getText()).isEqualTo(note + " amended");
        String id = started.get("id").asText();
        assertThat(events.of(KeyRotationStarted.class)).anyMatch(e -> e.rotationId().equals(id));
        assertThat(events.of(KeyRotationFinished.class)).anyMatch(e -> e.rotationId().equals(id));
        assertThat(events.of(DataKeysRewrapped.class)).anyMatch(e -> e.rotationId().equals(id));
    }

    @Test
    void aPhysicianMayNeitherStartNorReadARotation() {
        String physician = api.tokenFor(accounts, Role.PHYSICIAN);
        HttpResponse<String> start = api.call(physician, "POST", "/api/crypto/rotations", null);
        assertThat(start.statusCode()).isEqualTo(403);
        assertThat(start.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(api.call(physician, "GET", "/api/crypto/rotations/x", null).statusCode()).isEqualTo(403);
        // the granted twin: the administrator reads (an unknown rotation is a 404, not a 403)
        assertThat(api.call(administrator, "GET", "/api/crypto/rotations/x", null).statusCode()).isEqualTo(404);
    }

    private JsonNode start() {
        HttpResponse<String> response = api.call(administrator, "POST", "/api/crypto/rotations", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return CryptoApi.json(response);
    }

    private List<String> keyIds(String observationId) {
        return jdbc.queryForList("select key_id from fhir_resource where fhir_id = ? union all "
                + "select key_id from fhir_resource_history where fhir_id = ?", String.class, observationId,
                observationId);
    }

    private int version(String keyId) {
        return jdbc.queryForObject("select version from crypto_data_key where id = ?", Integer.class,
                Long.parseLong(keyId.substring(3)));
    }
}
