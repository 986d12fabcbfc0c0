package health.salus.patients.merge;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.salus.security.Accounts;
import health.salus.security.Role;
import health.salus.support.Api;
import health.salus.support.FhirApiTest;
import health.salus.support.SignIn;
import health.salus.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Merging a duplicate record into the survivor re-points every reference, and unmerging puts each one back. */
class PatientMergeTest extends FhirApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void mergeMovesEveryReferenceToTheSurvivorAndUnmergePutsEachOneBack() throws Exception {
        String payer = create(new Organization().setName("Payer " + unique())).getIdPart();
        String mrnA = unique();
        String mrnB = unique();
        String a = create(PatientRecordBuilder.patient(unique(), mrnA)).getIdPart();
        String b = create(PatientRecordBuilder.patient(unique(), mrnB)).getIdPart();
        List<Resource> recordA = PatientRecordBuilder.record(a, payer, this::create);
        List<Resource> recordB = new java.util.ArrayList<>(PatientRecordBuilder.record(b, payer, this::create));
        // B's observation that A performed: it references both, and only the B reference may move back
        recordB.add(create(PatientRecordBuilder.observedBy(b, a)));
        Map<String, List<String>> before = references(concat(recordA, recordB));
        String keyOfA = keyId(recordA.get(1));
        int observationsOfA = total("Observation?subject=Patient/" + a);

        HttpResponse<String> merged = Api.call(port, token(Role.FRONT_DESK), "POST", "/api/patients/merges",
                "{\"survivorId\":\"" + a + "\",\"mergedId\":\"" + b + "\",\"reason\":\"duplicate-registration\"}");
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(201);
        JsonNode merge = JSON.readTree(merged.body());
        String mergeId = merge.get("mergeId").asText();
        assertThat(merged.headers().firstValue("Location").orElseThrow()).endsWith("/api/patients/merges/" + mergeId);
        assertThat(merge.get("status").asText()).isEqualTo("MERGED");
        assertThat(merge.get("resources")).hasSize(recordB.size());

        for (Resource resource : recordB) {
            List<String> now = references(resource);
            assertThat(now).as(key(resource)).doesNotContain("Patient/" + b).contains("Patient/" + a);
            assertThat(compartment(resource)).as(key(resource)).isEqualTo(a);
            // re-sealed under the survivor's data key, not left under the merged patient's
            assertThat(keyId(resource)).as(key(resource)).isEqualTo(keyOfA);
            Resource former = parse(expect(http.get("/" + key(resource) + "/_history/1"), 200).body(),
                    resource.getClass());
            assertThat(references(former)).as("history keeps " + key(resource)).contains("Patient/" + b);
        }
        assertThat(total("Observation?subject=Patient/" + a)).isEqualTo(observationsOfA + 3);
        assertThat(total("Observation?subject=Patient/" + b)).isZero();
        assertThat(total("Coverage?beneficiary=Patient/" + a)).isEqualTo(2);
        assertThat(total("Appointment?patient=Patient/" + a)).isEqualTo(2);
        Bundle everything = search("Patient/" + a + "/$everything?_count=100");
        List<String> inEverything = everything.getEntry().stream()
                .map(entry -> key(entry.getResource())).toList();
        recordB.forEach(resource -> assertThat(inEverything).contains(key(resource)));

        Patient survivor = read(Patient.class, a);
        Patient duplicate = read(Patient.class, b);
        assertThat(duplicate.getActive()).isFalse();
        assertThat(duplicate.getLink()).anySatisfy(link -> {
            assertThat(link.getType()).isEqualTo(Patient.LinkType.REPLACEDBY);
            assertThat(link.getOther().getReference()).isEqualTo("Patient/" + a);
        });
        assertThat(survivor.getLink()).anySatisfy(link -> {
            assertThat(link.getType()).isEqualTo(Patient.LinkType.REPLACES);
            assertThat(link.getOther().getReference()).isEqualTo("Patient/" + b);
        });
        assertThat(survivor.getIdentifier()).anySatisfy(identifier -> {
            assertThat(identifier.getValue()).isEqualTo(mrnB);
            assertThat(identifier.getUse()).isEqualTo(Identifier.IdentifierUse.OLD);
        });
        assertThat(ids(search("Patient?identifier=" + PatientRecordBuilder.MRN_SYSTEM + "|" + mrnB))).contains(a);
        assertThat(audited("patients-merged", mergeId)).isEqualTo(2);

        HttpResponse<String> shown = Api.call(port, token(Role.CARE_COORDINATOR), "GET",
                "/api/patients/merges/" + mergeId, null);
        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        assertThat(JSON.readTree(shown.body()).get("mergedId").asText()).isEqualTo(b);

        HttpResponse<String> unmerged = Api.call(port, token(Role.CARE_COORDINATOR), "POST",
                "/api/patients/merges/" + mergeId + "/unmerge", null);
        assertThat(unmerged.statusCode()).as(unmerged.body()).isEqualTo(200);
        assertThat(JSON.readTree(unmerged.body()).get("status").asText()).isEqualTo("UNMERGED");
        assertThat(references(concat(recordA, recordB))).isEqualTo(before);
        recordB.forEach(resource -> assertThat(compartment(resource)).as(key(resource)).isEqualTo(b));
        assertThat(read(Patient.class, b).getActive()).isTrue();
        assertThat(read(Patient.class, b).getLink()).isEmpty();
        assertThat(read(Patient.class, a).getLink()).isEmpty();
        assertThat(read(Patient.class, a).getIdentifier()).extracting(Identifier::getValue).containsExactly(mrnA);
        assertThat(total("Observation?subject=Patient/" + a)).isEqualTo(observationsOfA);
        assertThat(audited("patients-unmerged", mergeId)).isEqualTo(2);

        HttpResponse<String> again = Api.call(port, token(Role.FRONT_DESK), "POST",
                "/api/patients/merges/" + mergeId + "/unmerge", null);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
    }

    // ---- helpers shared with the refusal tests

    String token(Role role) {
        return SignIn.smartToken(port, TestUsers.create(accounts, role, null), "openid user/*.cruds")
                .get("access_token").asText();
    }

    int total(String query) {
        return search(query + "&_count=200").getEntry().size();
    }

    static List<String> ids(Bundle bundle) {
        return bundle.getEntry().stream().map(entry -> entry.getResource().getIdElement().getIdPart()).toList();
    }

    static String key(Resource resource) {
        return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
    }

    static List<Resource> concat(List<Resource> first, List<Resource> second) {
        List<Resource> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** Every literal reference of each resource as it is stored now, in document order. */
    Map<String, List<String>> references(List<Resource> resources) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (Resource resource : resources) {
            all.put(key(resource), references(read(resource.getClass(), resource.getIdElement().getIdPart())));
        }
        return all;
    }

    static List<String> references(Resource resource) {
        return FhirContext.forR4Cached().newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class)
                .stream().map(Reference::getReference).toList();
    }

    String compartment(Resource resource) {
        return jdbc.sql("select compartment from fhir_resource where res_type = ? and fhir_id = ?")
                .params(resource.fhirType(), resource.getIdElement().getIdPart()).query(String.class).single();
    }

    String keyId(Resource resource) {
        return jdbc.sql("select key_id from fhir_resource where res_type = ? and fhir_id = ?")
                .params(resource.fhirType(), resource.getIdElement().getIdPart()).query(String.class).single();
    }

    long version(Resource resource) {
        return jdbc.sql("select version from fhir_resource where res_type = ? and fhir_id = ?")
                .params(resource.fhirType(), resource.getIdElement().getIdPart()).query(Long.class).single();
    }

    int audited(String action, String mergeId) {
        return jdbc.sql("select count(*) from audit_entry where action = ? and detail like ?")
                .params(action, "merge:" + mergeId + " %").query(Integer.class).single();
    }
}
