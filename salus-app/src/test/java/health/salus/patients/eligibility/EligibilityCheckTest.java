package health.salus.patients.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.salus.patients.PatientRegistered;
import health.salus.security.Accounts;
import health.salus.security.Role;
import health.salus.support.Api;
import health.salus.support.FhirHttp;
import health.salus.support.SalusIntegrationTest;
import health.salus.support.SignIn;
import health.salus.support.TestUsers;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A registration with coverage starts an eligibility check against the simulated clearinghouse, which
 * answers by the member id's last digit; the outcome is kept as FHIR and shown to the front desk.
 */
@SalusIntegrationTest
class EligibilityCheckTest {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    private FhirHttp fhir;
    private InsuredPatients insured;
    private String frontDesk;

    @BeforeEach
    void setUp() {
        fhir = new FhirHttp(port);
        insured = new InsuredPatients(fhir);
        frontDesk = token(Role.FRONT_DESK);
    }

    @Test
    void anActiveMemberIsVerifiedWithPlanCopayAndDeductibleStoredAsFhir() {
        InsuredPatients.Insured jane = insured.subscriber('0');
        register(jane);

        JsonNode view = settled(jane, frontDesk);
        assertThat(view.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(view.get("attempts").asInt()).isEqualTo(1);
        assertThat(view.get("plan").asText()).isEqualTo("ACME GOLD PPO 1500");
        assertThat(view.at("/copay/value").decimalValue()).isEqualByComparingTo("25");
        assertThat(view.at("/copay/currency").asText()).isEqualTo("USD");
        assertThat(view.at("/deductible/value").decimalValue()).isEqualByComparingTo("1500");
        assertThat(view.at("/deductibleMet/value").decimalValue()).isEqualByComparingTo("650");

        CoverageEligibilityResponse response = fhir(CoverageEligibilityResponse.class,
                "/CoverageEligibilityResponse/" + view.get("responseId").asText());
        assertThat(response.getOutcome().toCode()).isEqualTo("complete");
        assertThat(response.getPatient().getReference()).isEqualTo("Patient/" + jane.patientId());
        assertThat(response.getRequest().getReference())
                .isEqualTo("CoverageEligibilityRequest/" + view.get("requestId").asText());
        assertThat(response.getInsuranceFirstRep().getInforce()).isTrue();
        assertThat(response.getInsuranceFirstRep().getCoverage().getReference())
                .isEqualTo("Coverage/" + jane.coverageId());
        assertThat(expectOk(fhir.get("/CoverageEligibilityRequest/" + view.get("requestId").asText())).body())
                .contains("Coverage/" + jane.coverageId());
    }

    @Test
    void aDependentIsAskedAboutUnderTheParentsPolicy() {
        InsuredPatients.Insured tim = insured.dependent('0');
        register(tim);
        assertThat(settled(tim, frontDesk).get("status").asText()).isEqualTo("VERIFIED");
    }

    @Test
    void anInactiveMemberIsInactiveAndAnUnknownOneNotFound() {
        InsuredPatients.Insured lapsed = insured.subscriber('1');
        InsuredPatients.Insured unknown = insured.subscriber('2');
        register(lapsed);
        register(unknown);

        JsonNode inactive = settled(lapsed, frontDesk);
        assertThat(inactive.get("status").asText()).isEqualTo("INACTIVE");
        assertThat(inactive.has("copay")).isFalse();
        assertThat(fhir(CoverageEligibilityResponse.class, "/CoverageEligibilityResponse/"
                + inactive.get("responseId").asText()).getInsuranceFirstRep().getInforce()).isFalse();

        JsonNode notFound = settled(unknown, frontDesk);
        assertThat(notFound.get("status").asText()).isEqualTo("NOT_FOUND");
        assertThat(notFound.get("reasonCode").asText()).isEqualTo("AAA-75");
        assertThat(notFound.get("attempts").asInt()).as("a rejection is not retried").isEqualTo(1);
        assertThat(fhir(CoverageEligibilityResponse.class, "/CoverageEligibilityResponse/"
                + notFound.get("responseId").asText()).getOutcome().toCode()).isEqualTo("error");
    }

    @Test
    void aPayerUnableToRespondOrAnUnavailableClearinghouseIsAskedAgainUntilItAnswers() {
        InsuredPatients.Insured busyPayer = insured.subscriber('3');
        InsuredPatients.Insured outage = insured.subscriber('8');
        register(busyPayer);
        register(outage);

        JsonNode afterAaa42 = settled(busyPayer, frontDesk);
        assertThat(afterAaa42.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(afterAaa42.get("attempts").asInt()).isEqualTo(2);
        assertThat(afterAaa42.has("reasonCode")).isFalse();

        JsonNode after503 = settled(outage, frontDesk);
        assertThat(after503.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(after503.get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void aClearinghouseThatNeverAnswersFailsTheCheckAfterMaxAttemptsAndKeepsThePatient() {
        InsuredPatients.Insured jane = insured.subscriber('9');
        register(jane);

        JsonNode failed = settled(jane, frontDesk);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("reasonCode").asText()).isEqualTo("HTTP-503");
        assertThat(failed.get("attempts").asInt()).as("max-attempts in the test profile").isEqualTo(3);
        assertThat(failed.has("nextAttemptAt")).isFalse();
        expectOk(fhir.get("/Patient/" + jane.patientId()));
        expectOk(fhir.get("/Coverage/" + jane.coverageId()));
    }

    @Test
    void theFrontDeskCanAskAgainButAPhysicianCannot() {
        InsuredPatients.Insured jane = insured.subscriber('0');
        HttpResponse<String> denied = Api.call(port, token(Role.PHYSICIAN), "POST",
                "/api/patients/" + jane.patientId() + "/eligibility-checks", null);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Api.call(port, frontDesk, "GET", "/api/patients/" + jane.patientId() + "/eligibility", null)
                .statusCode()).as("no check was made").isEqualTo(404);

        HttpResponse<String> queued = Api.call(port, frontDesk, "POST",
                "/api/patients/" + jane.patientId() + "/eligibility-checks", null);
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
        String checkId = json(queued).get("checkId").asText();
        JsonNode view = settled(jane, frontDesk);
        assertThat(view.get("checkId").asText()).isEqualTo(checkId);
        assertThat(view.get("status").asText()).isEqualTo("VERIFIED");
    }

    @Test
    void aBillerReadsEligibilityButAPrivacyOfficerCannot() {
        InsuredPatients.Insured jane = insured.subscriber('0');
        register(jane);
        assertThat(settled(jane, token(Role.BILLER)).get("status").asText()).isEqualTo("VERIFIED");
        HttpResponse<String> denied = Api.call(port, token(Role.PRIVACY_OFFICER), "GET",
                "/api/patients/" + jane.patientId() + "/eligibility", null);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).doesNotContain(jane.memberId()).doesNotContain("ACME");
    }

    @Test
    void aSelfPayRegistrationStartsNoCheck() {
        InsuredPatients.Insured jane = insured.subscriber('0');
        transactions.executeWithoutResult(status -> events.publishEvent(
                new PatientRegistered(jane.patientId(), null, false, Instant.now())));
        // a registration with coverage published after it is checked, so the self-pay one had its turn
        InsuredPatients.Insured other = insured.subscriber('0');
        register(other);
        settled(other, frontDesk);
        assertThat(Api.call(port, frontDesk, "GET", "/api/patients/" + jane.patientId() + "/eligibility", null)
                .statusCode()).isEqualTo(404);
    }

    private void register(InsuredPatients.Insured patient) {
        transactions.executeWithoutResult(status -> events.publishEvent(
                new PatientRegistered(patient.patientId(), patient.coverageId(), false, Instant.now())));
    }

    /** The latest check once it is no longer PENDING. */
    private JsonNode settled(InsuredPatients.Insured patient, String token) {
        JsonNode[] view = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            HttpResponse<String> response = Api.call(port, token, "GET",
                    "/api/patients/" + patient.patientId() + "/eligibility", null);
            if (response.statusCode() != 200) {
                return false;
            }
            view[0] = json(response);
            return !"PENDING".equals(view[0].get("status").asText());
        });
        return view[0];
    }

    private <T extends org.hl7.fhir.r4.model.Resource> T fhir(Class<T> type, String path) {
        return ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser().parseResource(type,
                expectOk(fhir.get(path)).body());
    }

    private static HttpResponse<String> expectOk(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private String token(Role role) {
        return SignIn.smartToken(port, TestUsers.create(accounts, role, null), "openid user/*.cruds")
                .get("access_token").asText();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
