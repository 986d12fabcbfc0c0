package health.salus.patients.mpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.salus.security.Accounts;
import health.salus.security.Role;
import health.salus.support.Api;
import health.salus.support.FhirApiTest;
import health.salus.support.SignIn;
import health.salus.support.TestUsers;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The front desk finds patients by prefix, sound, misspelling, birth date, phone and MRN; patients may not search. */
class PatientSearchApiTest extends FhirApiTest {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    private String family;
    private String birthDate;
    private String phone;
    private String mrn;
    private String patientId;
    private String frontDesk;

    @BeforeEach
    void aRegisteredPatient() {
        family = MpiTestPatients.uniqueSurname();
        birthDate = MpiTestPatients.uniqueBirthDate();
        phone = MpiTestPatients.uniquePhone();
        mrn = "MRN" + unique().toUpperCase(Locale.ROOT);
        Patient patient = MpiTestPatients.patient("Gwendolyn", family, birthDate, AdministrativeGender.FEMALE, phone,
                null, "5 Palo Verde Ln", "85719");
        patient.addIdentifier().setSystem("urn:salus-test:mrn").setValue(mrn).getType().addCoding()
                .setSystem("http://terminology.hl7.org/CodeSystem/v2-0203").setCode("MR");
        patientId = create(patient).getIdElement().getIdPart();
        frontDesk = token(Role.FRONT_DESK);
    }

    @Test
    void aPrefixOfTheFamilyNameFindsThePatientWithMinimalFields() {
        JsonNode hit = only(search(frontDesk, "name=" + family.substring(0, 6) + "&birthDate=" + birthDate));

        assertThat(hit.get("name").asText()).isEqualTo("Gwendolyn " + family);
        assertThat(hit.get("birthDate").asText()).isEqualTo(birthDate);
        assertThat(hit.get("mrn").asText()).isEqualTo(mrn);
        assertThat(hit.get("matchedBy").asText()).isEqualTo("prefix");
        assertThat(hit.has("telecom") || hit.has("address")).as("minimal fields only").isFalse();
    }

    @Test
    void aNameWrittenAsItSoundsOrMisspeltIsFoundAndRankedByLikeness() {
        // a different vowel after the first letter: the same Double Metaphone code, not the same prefix
        String soundsAlike = family.charAt(0) + (family.charAt(1) == 'a' ? "o" : "a") + family.substring(2);
        JsonNode phonetic = only(search(frontDesk, "name=" + soundsAlike));
        assertThat(phonetic.get("matchedBy").asText()).isEqualTo("fuzzy");
        assertThat(phonetic.get("score").asDouble()).isBetween(0.75, 0.99);

        JsonNode misspelt = only(search(frontDesk, "name=" + q("Gwendolin " + soundsAlike)));
        assertThat(misspelt.get("id").asText()).isEqualTo(patientId);
    }

    @Test
    void birthDatePhoneAndMrnEachFindThePatient() {
        assertThat(ids(search(frontDesk, "phone=" + q(phone)))).containsExactly(patientId);
        assertThat(ids(search(frontDesk, "mrn=" + mrn))).containsExactly(patientId);
        assertThat(ids(search(frontDesk, "birthDate=" + birthDate))).contains(patientId);
        assertThat(ids(search(frontDesk, "birthDate=" + birthDate + "&name=Zz" + family))).isEmpty();
    }

    @Test
    void badParametersAreFieldErrors() {
        HttpResponse<String> none = Api.call(port, frontDesk, "GET", "/api/patients/search", null);
        HttpResponse<String> bad = Api.call(port, frontDesk, "GET",
                "/api/patients/search?birthDate=1990-13-45&phone=abc&limit=500", null);

        for (HttpResponse<String> response : List.of(none, bad)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(json(bad).findValuesAsText("field")).containsExactlyInAnyOrder("birthDate", "phone", "limit");
        assertThat(bad.body()).doesNotContain("1990-13-45");
    }

    @Test
    void theFrontDeskMaySearchButAPatientMayNot() {
        assertThat(search(frontDesk, "mrn=" + mrn).statusCode()).isEqualTo(200);

        String patient = token(TestUsers.create(accounts, Role.PATIENT, "Patient/" + patientId));
        HttpResponse<String> denied = search(patient, "mrn=" + mrn);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(denied.body()).doesNotContain(patientId).doesNotContain(family);
    }

    private HttpResponse<String> search(String token, String query) {
        return Api.call(port, token, "GET", "/api/patients/search?" + query, null);
    }

    private JsonNode only(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode results = json(response).get("results");
        assertThat(results).hasSize(1);
        assertThat(results.get(0).get("id").asText()).isEqualTo(patientId);
        return results.get(0);
    }

    private List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("results").findValuesAsText("id");
    }

    private String token(Role role) {
        return token(TestUsers.create(accounts, role, null));
    }

    private String token(String username) {
        return SignIn.smartToken(port, username, "openid user/*.rs").get("access_token").asText();
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return new ObjectMapper().readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
