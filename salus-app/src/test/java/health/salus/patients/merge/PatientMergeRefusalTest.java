package health.salus.patients.merge;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.security.Role;
import health.salus.support.Api;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/** Merges that must not happen leave every record exactly as it was, and say why as problem+json. */
class PatientMergeRefusalTest extends MergeApiTest {

    @Test
    void aRoleWithoutTheMergePermissionIsRefusedAndNothingChanges() {
        Records records = twoRecords();
        HttpResponse<String> refused = merge(token(Role.BILLER), records.survivor, records.merged);
        assertProblem(refused, 403);
        records.assertUnchanged();
        HttpResponse<String> granted = merge(token(Role.FRONT_DESK), records.survivor, records.merged);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
    }

    @Test
    void aMergeThatFailsHalfwayLeavesNothingChanged() {
        Records records = twoRecords();
        // a third patient's allergy names the duplicate as its asserter: that record is outside the merge's
        // reach, and the merge meets it last, after re-pointing everything else
        String third = create(PatientRecordBuilder.patient(unique(), unique())).getIdElement().getIdPart();
        Resource allergy = create(PatientRecordBuilder.allergyAssertedBy(third, records.merged));
        records.watch(allergy);
        HttpResponse<String> refused = merge(token(Role.FRONT_DESK), records.survivor, records.merged);
        assertProblem(refused, 403);
        records.assertUnchanged();
        assertThat(jdbc.sql("select count(*) from patient_merge where merged_id = ?").param(records.merged)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void mergingAPatientIntoItselfOrMergingAMergedPatientAgainIsAClearProblem() {
        Records records = twoRecords();
        String frontDesk = token(Role.FRONT_DESK);
        HttpResponse<String> itself = merge(frontDesk, records.survivor, records.survivor);
        assertProblem(itself, 400);
        assertThat(itself.body()).contains("mergedId");
        assertProblem(Api.call(port, frontDesk, "POST", "/api/patients/merges", "{\"survivorId\":\""
                + records.survivor + "\",\"mergedId\":\"" + records.merged + "\",\"reason\":\"because\"}"), 400);
        assertProblem(merge(frontDesk, records.survivor, "no-such-patient-" + unique()), 404);
        assertThat(merge(frontDesk, records.survivor, records.merged).statusCode()).isEqualTo(201);
        records.snapshot();

        String other = create(PatientRecordBuilder.patient(unique(), unique())).getIdElement().getIdPart();
        HttpResponse<String> mergedAgain = merge(frontDesk, other, records.merged);
        assertProblem(mergedAgain, 409);
        assertThat(mergedAgain.body()).contains("already merged");
        assertProblem(merge(frontDesk, records.merged, other), 409);
        records.assertUnchanged();
        assertProblem(Api.call(port, frontDesk, "GET", "/api/patients/merges/no-such-merge", null), 404);
    }

    private HttpResponse<String> merge(String token, String survivor, String merged) {
        return Api.call(port, token, "POST", "/api/patients/merges", "{\"survivorId\":\"" + survivor
                + "\",\"mergedId\":\"" + merged + "\",\"reason\":\"duplicate-review\"}");
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    private Records twoRecords() {
        String payer = create(new Organization().setName("Payer " + unique())).getIdElement().getIdPart();
        Records records = new Records(create(PatientRecordBuilder.patient(unique(), unique())),
                create(PatientRecordBuilder.patient(unique(), unique())));
        PatientRecordBuilder.record(records.survivor, payer, this::create).forEach(records::watch);
        PatientRecordBuilder.record(records.merged, payer, this::create).forEach(records::watch);
        records.snapshot();
        return records;
    }

    /** Two patients' records and the versions and references of everything in them, to show nothing moved. */
    private final class Records {
        final String survivor;
        final String merged;
        private final List<Resource> watched = new ArrayList<>();
        private Map<String, Long> versions = Map.of();
        private Map<String, List<String>> references = Map.of();

        Records(Patient survivor, Patient merged) {
            this.survivor = survivor.getIdElement().getIdPart();
            this.merged = merged.getIdElement().getIdPart();
            watched.add(survivor);
            watched.add(merged);
        }

        void watch(Resource resource) {
            watched.add(resource);
            snapshot();
        }

        void snapshot() {
            versions = versions();
            references = references(watched);
        }

        private Map<String, Long> versions() {
            Map<String, Long> now = new LinkedHashMap<>();
            watched.forEach(resource -> now.put(key(resource), version(resource)));
            return now;
        }

        void assertUnchanged() {
            assertThat(versions()).isEqualTo(versions);
            assertThat(references(watched)).isEqualTo(references);
        }
    }
}
