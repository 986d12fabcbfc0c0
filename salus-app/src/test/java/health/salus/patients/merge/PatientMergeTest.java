package health.salus.patients.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.salus.security.Role;
import health.salus.support.Api;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/** Merging a duplicate record into the survivor re-points every reference, and unmerging puts each one back. */
class PatientMergeTest extends MergeApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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
            List<String> now = references(read(resource.getClass(), resource.getIdElement().getIdPart()));
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
        assertThat(ids(search("Patient?identifier="
                + health.salus.support.FhirHttp.q(PatientRecordBuilder.MRN_SYSTEM + "|" + mrnB)))).contains(a);
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
}
