package health.salus.patients.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.salus.fhir.ResourceStore;
import health.salus.fhir.SearchRequest;
import health.salus.security.Accounts;
import health.salus.security.Role;
import health.salus.security.SystemAccess;
import health.salus.support.Api;
import health.salus.support.SalusIntegrationTest;
import health.salus.support.SignIn;
import health.salus.support.TestUsers;
import health.salus.support.Tokens;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Registration over the REST API: what is stored, what is refused, and who may register. */
@SalusIntegrationTest
class PatientRegistrationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    ResourceStore store;
    @Autowired
    SystemAccess systemAccess;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRegistrationWithoutThePrivacyConsentIsRefusedAndStoresNothing() throws Exception {
        RegistrationJson request = new RegistrationJson().without("privacyConsent");
        HttpResponse<String> refused = register(frontDesk(), request);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(fieldsIn(refused)).containsExactly("privacyConsent.acknowledged");
        HttpResponse<String> declined = register(frontDesk(), new RegistrationJson().with("privacyConsent",
                Map.of("acknowledged", false)));
        assertThat(fieldsIn(declined)).containsExactly("privacyConsent.acknowledged");
        assertThat(patientsNamed(request.family)).isEmpty();
    }

    @Test
    void eachMalformedFieldIsReportedOnceWithoutEchoingWhatWasTyped() throws Exception {
        RegistrationJson request = new RegistrationJson().with("birthDate", "2999-01-01").with("phone", "555-12")
                .with("email", "maria.at.example.org").withInsurance("payerId", "no-such-payer");
        HttpResponse<String> refused = register(frontDesk(), request);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(fieldsIn(refused)).containsExactlyInAnyOrder("birthDate", "phone", "email", "insurance.payerId");
        assertThat(refused.body()).doesNotContain("2999").doesNotContain("555-12").doesNotContain("maria.at")
                .doesNotContain("no-such-payer").doesNotContain(request.family);
        assertThat(patientsNamed(request.family)).isEmpty();
    }

    @Test
    void birthDatesBefore1900MissingNamesAndAMemberIdWithoutPayerAreRefused() throws Exception {
        RegistrationJson request = new RegistrationJson().with("birthDate", "1899-12-31")
                .with("name", Map.of("given", List.of(" "))).withInsurance("payerId", "");
        HttpResponse<String> refused = register(frontDesk(), request);
        assertThat(fieldsIn(refused)).containsExactlyInAnyOrder("birthDate", "name.family", "name.given",
                "insurance.payerId");
    }

    @Test
    void aValidRegistrationStoresPatientConsentAndCoverageAtomicallyAndPublishesTheEvent() throws Exception {
        RegistrationJson request = new RegistrationJson();
        HttpResponse<String> created = register(frontDesk(), request);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        String patientId = body.get("patientId").asText();
        String mrn = body.get("mrn").asText();
        assertThat(mrn).matches("SAL\\d{9}");
        assertThat(MedicalRecordNumbers.luhnCheckDigit(mrn.substring(3, 11))).isEqualTo(mrn.charAt(11));
        assertThat(body.get("possibleDuplicate").asBoolean()).isFalse();

        Patient patient = (Patient) asSystem(() -> store.read("Patient", patientId));
        Identifier identifier = patient.getIdentifierFirstRep();
        assertThat(identifier.getValue()).isEqualTo(mrn);
        assertThat(identifier.getType().getCodingFirstRep().getCode()).isEqualTo("MR");
        assertThat(patient.getNameFirstRep().getFamily()).isEqualTo(request.family);
        assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo(request.birthDate);
        assertThat(patient.getTelecom()).extracting(t -> t.getValue())
                .contains("+1" + request.phoneDigits, request.family.toLowerCase() + "@example.org");
        assertThat(((CodeableConcept) patient.getExtensionByUrl(NewPatient.SEX_FOR_CLINICAL_USE)
                .getExtensionByUrl("value").getValue()).getCodingFirstRep().getCode()).isEqualTo("female-typical");
        assertThat(patient.getContactFirstRep().getTelecomFirstRep().getValue()).isEqualTo("+12175550199");
        assertThat(patient.getCommunicationFirstRep().getLanguage().getCodingFirstRep().getCode()).isEqualTo("es");

        Consent consent = (Consent) asSystem(() -> store.read("Consent", body.get("consentId").asText()));
        assertThat(consent.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
        assertThat(consent.getScope().getCodingFirstRep().getCode()).isEqualTo("patient-privacy");
        assertThat(consent.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("59284-0");
        assertThat(consent.getPatient().getReference()).isEqualTo("Patient/" + patientId);
        assertThat(consent.getPerformerFirstRep().getReference()).isEqualTo("Patient/" + patientId);

        Coverage coverage = (Coverage) asSystem(() -> store.read("Coverage", body.get("coverageId").asText()));
        assertThat(coverage.getBeneficiary().getReference()).isEqualTo("Patient/" + patientId);
        assertThat(coverage.getSubscriberId()).isEqualTo("XAC" + request.family);
        assertThat(coverage.getRelationship().getCodingFirstRep().getCode()).isEqualTo("self");
        String payor = coverage.getPayorFirstRep().getReference();
        Organization payer = (Organization) asSystem(() -> store.read("Organization", payor.substring(13)));
        assertThat(payer.getIdentifierFirstRep().getValue()).isEqualTo("acme-health");

        // a second patient of the same payer refers to the same Organization (conditional create)
        JsonNode second = JSON.readTree(register(frontDesk(), new RegistrationJson()).body());
        Coverage secondCoverage = (Coverage) asSystem(() -> store.read("Coverage", second.get("coverageId").asText()));
        assertThat(secondCoverage.getPayorFirstRep().getReference()).isEqualTo(payor);

        assertThat(jdbc.queryForObject("select count(*) from event_publication where event_type like "
                + "'%PatientRegistered' and serialized_event like ?", Integer.class, "%" + patientId + "%"))
                .isPositive();
        HttpResponse<String> status = Api.call(port, frontDesk(), "GET", "/api/patients/" + patientId
                + "/registration", null);
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        JsonNode state = JSON.readTree(status.body());
        assertThat(state.get("mrn").asText()).isEqualTo(mrn);
        assertThat(state.get("consentStatus").asText()).isEqualTo("active");
        assertThat(state.get("possibleDuplicate").asBoolean()).isFalse();
        assertThat(state.has("eligibilityStatus")).isTrue();
    }

    @Test
    void aSelfPayPatientIsRegisteredWithoutCoverage() throws Exception {
        HttpResponse<String> created = register(frontDesk(), new RegistrationJson().without("insurance"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).get("coverageId").isNull()).isTrue();
    }

    @Test
    void registrationLeavesACreateEntryOnTheAuditTrailNamingThePatientAndTheUser() throws Exception {
        String username = TestUsers.create(accounts, Role.FRONT_DESK, null);
        String token = SignIn.smartToken(port, username, "openid user/*.cruds").get("access_token").asText();
        HttpResponse<String> created = register(token, new RegistrationJson());
        String patientId = JSON.readTree(created.body()).get("patientId").asText();
        List<String> types = jdbc.queryForList("select resource_type from audit_entry where patient_id = ? "
                + "and actor_id = ? and action = 'create' and outcome = 'SUCCESS'", String.class, patientId,
                accounts.idOf(username).orElseThrow());
        assertThat(types).contains("Patient", "Consent", "Coverage");
    }

    @Test
    void medicalRecordNumbersStayUniqueUnderTwentyConcurrentRegistrations() throws Exception {
        String token = frontDesk();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(pool.submit(() -> register(token, new RegistrationJson())));
            }
            Set<String> mrns = new HashSet<>();
            for (Future<HttpResponse<String>> call : calls) {
                HttpResponse<String> response = call.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                mrns.add(JSON.readTree(response.body()).get("mrn").asText());
            }
            assertThat(mrns).hasSize(20);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void frontDeskAndAnIntegrationMayRegister() {
        assertThat(register(frontDesk(), new RegistrationJson()).statusCode()).isEqualTo(201);
        assertThat(register(Tokens.system(port), new RegistrationJson()).statusCode()).isEqualTo(201);
    }

    @Test
    void aPhysicianAndAPatientMayNotRegisterAndNothingIsStored() throws Exception {
        String existing = new ObjectMapper().readTree(register(frontDesk(), new RegistrationJson()).body())
                .get("patientId").asText();
        Map<Role, String> users = Map.of(Role.PHYSICIAN, "openid user/*.cruds", Role.PATIENT, "openid user/*.cruds");
        for (Map.Entry<Role, String> user : users.entrySet()) {
            String username = TestUsers.create(accounts, user.getKey(),
                    user.getKey() == Role.PATIENT ? "Patient/" + existing : null);
            String token = SignIn.smartToken(port, username, user.getValue()).get("access_token").asText();
            RegistrationJson request = new RegistrationJson();
            HttpResponse<String> refused = register(token, request);
            assertThat(refused.statusCode()).as(user.getKey() + " " + refused.body()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(patientsNamed(request.family)).isEmpty();
        }
    }

    @Test
    void theRegistrationViewIsOnlyForThoseWhoMayReadThePatient() throws Exception {
        String patientId = JSON.readTree(register(frontDesk(), new RegistrationJson()).body()).get("patientId")
                .asText();
        String username = TestUsers.create(accounts, Role.PHYSICIAN, null);
        String physician = SignIn.smartToken(port, username, "openid user/*.rs").get("access_token").asText();
        assertThat(Api.call(port, physician, "GET", "/api/patients/" + patientId + "/registration", null)
                .statusCode()).isEqualTo(403);
        assertThat(Api.call(port, frontDesk(), "GET", "/api/patients/no-such-patient/registration", null)
                .statusCode()).isEqualTo(404);
    }

    HttpResponse<String> register(String token, RegistrationJson request) {
        return Api.call(port, token, "POST", "/api/patients", request.json());
    }

    String frontDesk() {
        String username = TestUsers.create(accounts, Role.FRONT_DESK, null);
        return SignIn.smartToken(port, username, "openid user/*.cruds").get("access_token").asText();
    }

    List<Resource> patientsNamed(String family) {
        return asSystem(() -> store.search(new SearchRequest("Patient", Map.of("family", List.of(family))))
                .matches());
    }

    <T> T asSystem(java.util.function.Supplier<T> work) {
        return systemAccess.call("registration-test", work);
    }

    static List<String> fieldsIn(HttpResponse<String> response) throws Exception {
        List<String> fields = new ArrayList<>();
        JSON.readTree(response.body()).get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }
}
