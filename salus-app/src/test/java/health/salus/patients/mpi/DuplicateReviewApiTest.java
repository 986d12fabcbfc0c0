package health.salus.patients.mpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import health.salus.patients.mpi.MatchAssessment.Decision;
import health.salus.security.Accounts;
import health.salus.security.Role;
import health.salus.security.SystemAccess;
import health.salus.support.Api;
import health.salus.support.FhirApiTest;
import health.salus.support.SignIn;
import health.salus.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A probable duplicate goes on the review queue; a reviewer sees both patients side by side and either
 * says they are different people or merges them, once. The queue holds ids and field names, never values.
 */
class DuplicateReviewApiTest extends FhirApiTest {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    PatientIndex index;
    @Autowired
    SystemAccess system;
    @Autowired
    JdbcClient jdbc;

    private String family;
    private String existingId;
    private String newId;
    private String reviewId;

    @BeforeEach
    void aProbableDuplicateQueued() {
        family = MpiTestPatients.uniqueSurname();
        String birthDate = MpiTestPatients.uniqueBirthDate();
        existingId = create(MpiTestPatients.patient("Francisco", family, birthDate, AdministrativeGender.MALE,
                MpiTestPatients.uniquePhone(), null, "40 Camino Real", "85704")).getIdElement().getIdPart();
        Patient paco = create(MpiTestPatients.patient("Paco", family, birthDate, AdministrativeGender.MALE,
                MpiTestPatients.uniquePhone(), null, "9 Mission Rd", "85713"));
        newId = paco.getIdElement().getIdPart();
        MatchAssessment assessment = system.call("mpi-test", () -> index.assess(paco));
        assertThat(assessment.decision()).isEqualTo(Decision.PROBABLE);
        system.call("mpi-test", () -> {
            index.queueForReview(newId, assessment);
            return null;
        });
        // the pair made here: a patient of another test born the same day may be queued beside it
        reviewId = jdbc.sql("select id from patients_duplicate_review where new_patient_id = ? "
                + "and candidate_patient_id = ?").params(newId, existingId).query(String.class).single();
    }

    @Test
    void aReviewerSeesBothPatientsAndMarksThemNotDuplicates() {
        String username = TestUsers.create(accounts, Role.FRONT_DESK, null);
        String reviewer = token(username);

        assertThat(reviews(reviewer, "")).contains(reviewId);
        JsonNode review = PatientSearchApiTest.json(call(reviewer, "GET", "/" + reviewId));
        assertThat(review.get("candidatePatientId").asText()).isEqualTo(existingId);
        assertThat(review.get("newPatient").get("names").get(0).asText()).isEqualTo("Paco " + family);
        assertThat(review.get("candidatePatient").get("names").get(0).asText()).isEqualTo("Francisco " + family);
        assertThat(review.get("comparison").get("levels").get("given").asText()).isEqualTo("nickname");

        // looking is not deciding: the read-only token may not close the pair
        assertThat(call(reviewer, "POST", "/" + reviewId + "/not-duplicate").statusCode()).isEqualTo(403);
        assertThat(reviews(reviewer, "")).contains(reviewId);
        // (another front-desk account: one account's second sign-in in the same 30 s would reuse its TOTP code)
        username = TestUsers.create(accounts, Role.FRONT_DESK, null);
        reviewer = SignIn.smartToken(port, username, "openid user/*.cruds").get("access_token").asText();

        HttpResponse<String> decided = call(reviewer, "POST", "/" + reviewId + "/not-duplicate");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        assertThat(PatientSearchApiTest.json(decided).get("status").asText()).isEqualTo("NOT_DUPLICATE");
        assertThat(PatientSearchApiTest.json(decided).get("decidedBy").asText())
                .isEqualTo(accounts.idOf(username).orElseThrow());
        assertThat(call(reviewer, "POST", "/" + reviewId + "/not-duplicate").statusCode()).isEqualTo(409);
        assertThat(reviews(reviewer, "")).doesNotContain(reviewId);
        assertThat(reviews(reviewer, "?status=NOT_DUPLICATE")).contains(reviewId);
    }

    @Test
    void aReviewerMergesThePairIntoThePatientOnFileAndTheReviewCloses() {
        String reviewer = SignIn.smartToken(port, TestUsers.create(accounts, Role.FRONT_DESK, null),
                "openid user/*.cruds").get("access_token").asText();

        HttpResponse<String> merged = call(reviewer, "POST", "/" + reviewId + "/merge");

        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        JsonNode body = PatientSearchApiTest.json(merged);
        assertThat(body.get("status").asText()).isEqualTo("MERGED");
        assertThat(body.get("mergeId").asText()).isNotBlank();
        Patient replaced = read(Patient.class, newId);
        assertThat(replaced.getActive()).isFalse();
        assertThat(replaced.getLink()).anySatisfy(link -> {
            assertThat(link.getType()).isEqualTo(Patient.LinkType.REPLACEDBY);
            assertThat(link.getOther().getReference()).endsWith("Patient/" + existingId);
        });
        assertThat(read(Patient.class, existingId).getLink()).anySatisfy(link -> {
            assertThat(link.getType()).isEqualTo(Patient.LinkType.REPLACES);
            assertThat(link.getOther().getReference()).endsWith("Patient/" + newId);
        });
        assertThat(call(reviewer, "POST", "/" + reviewId + "/merge").statusCode()).isEqualTo(409);
    }

    @Test
    void aMergeNamingASurvivorOutsideThePairIsRefusedAndNothingChanges() {
        String reviewer = SignIn.smartToken(port, TestUsers.create(accounts, Role.FRONT_DESK, null),
                "openid user/*.cruds").get("access_token").asText();

        HttpResponse<String> refused = Api.call(port, reviewer, "POST", "/api/patients/duplicates/" + reviewId
                + "/merge", "{\"survivorId\":\"someone-else\"}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("survivorId");
        assertThat(read(Patient.class, newId).getLink()).isEmpty();
        assertThat(jdbc.sql("select status from patients_duplicate_review where id = ?").param(reviewId)
                .query(String.class).single()).isEqualTo("OPEN");
    }

    @Test
    void queueingTheSamePairAgainKeepsOneReview() {
        int queued = reviewsOf(newId);
        MatchAssessment again = system.call("mpi-test", () -> index.assess(read(Patient.class, newId)));
        system.call("mpi-test", () -> {
            index.queueForReview(newId, again);
            return null;
        });

        assertThat(reviewsOf(newId)).as("nothing queued twice").isEqualTo(queued);
        assertThat(jdbc.sql("select count(*) from patients_duplicate_review where new_patient_id = ? and "
                + "candidate_patient_id = ? or new_patient_id = ? and candidate_patient_id = ?")
                .params(newId, existingId, existingId, newId).query(Integer.class).single()).isEqualTo(1);
    }

    private int reviewsOf(String patientId) {
        return jdbc.sql("select count(*) from patients_duplicate_review where new_patient_id = ? "
                + "or candidate_patient_id = ?").params(patientId, patientId).query(Integer.class).single();
    }

    @Test
    void theQueueHoldsFieldNamesNotValues() {
        String row = jdbc.sql("select agreements from patients_duplicate_review where id = ?").param(reviewId)
                .query(String.class).single();

        assertThat(row.split(",")).contains("given", "family", "birthDate").allMatch(f -> f.matches("[a-zA-Z]+"));
        assertThat(row.toLowerCase()).doesNotContain(family.toLowerCase()).doesNotContain("paco");
    }

    @Test
    void aPhysicianMayNeitherListNorReadNorDecideNorMergeReviews() {
        String physician = token(TestUsers.create(accounts, Role.PHYSICIAN, null));
        List<HttpResponse<String>> responses = List.of(call(physician, "GET", ""), call(physician, "GET", "/" + reviewId),
                call(physician, "POST", "/" + reviewId + "/not-duplicate"),
                call(physician, "POST", "/" + reviewId + "/merge"));

        for (HttpResponse<String> response : responses) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(response.body()).doesNotContain(newId).doesNotContain(family);
        }
        assertThat(jdbc.sql("select status from patients_duplicate_review where id = ?").param(reviewId)
                .query(String.class).single()).isEqualTo("OPEN");
    }

    private List<String> reviews(String token, String query) {
        HttpResponse<String> response = call(token, "GET", query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return PatientSearchApiTest.json(response).findValuesAsText("id");
    }

    private HttpResponse<String> call(String token, String method, String path) {
        return Api.call(port, token, method, "/api/patients/duplicates" + path, null);
    }

    private String token(String username) {
        return SignIn.smartToken(port, username, "openid user/*.rs").get("access_token").asText();
    }
}
