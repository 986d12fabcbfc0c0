package health.salus.security;

import static health.salus.security.CareScenario.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import health.salus.support.AccessEvents;
import health.salus.support.Api;
import health.salus.support.FhirApiTest;
import health.salus.support.FhirHttp;
import health.salus.support.SignIn;
import health.salus.support.TestUsers;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The access policy over the FHIR API, with real tokens from the authorization-code flow: care
 * relationships, consent grant and revoke, break-glass, scopes, masking, and searches that must
 * not reveal hidden patients through totals, includes or chains. Each permit has its deny twin.
 */
class AccessPolicyTest extends FhirApiTest {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    AccessEvents accessEvents;

    String doctor;
    String otherDoctor;
    String cared;
    String stranger;
    String strangerFamily;
    String code;

    @BeforeEach
    void arrange() {
        doctor = id(create(practitioner(unique())));
        otherDoctor = id(create(practitioner(unique())));
        cared = id(create(patient(unique())));
        strangerFamily = unique();
        stranger = id(create(patient(strangerFamily)));
        create(encounter(cared, doctor));
        code = unique();
        create(observation(cared, code, doctor));
        // the doctor performed this one too, which is not a care relationship with its patient
        create(observation(stranger, code, doctor));
    }

    private static String id(org.hl7.fhir.r4.model.Resource resource) {
        return resource.getIdElement().getIdPart();
    }

    /** A new user of {@code role} linked to {@code fhirUser}, signed in through the SMART flow. */
    private JsonNode token(Role role, String fhirUser, String scope) {
        return SignIn.smartToken(port, TestUsers.create(accounts, role, fhirUser), scope);
    }

    private FhirHttp as(Role role, String fhirUser, String scope) {
        return new FhirHttp(port, token(role, fhirUser, scope).get("access_token").asText());
    }

    private FhirHttp physician(String practitionerId) {
        return as(Role.PHYSICIAN, "Practitioner/" + practitionerId, "openid fhirUser user/*.cruds");
    }

    @Test
    void aPhysicianReadsTheirPatientButNotAStranger() {
        FhirHttp physician = physician(doctor);
        expect(physician.get("/Patient/" + cared), 200);
        assertThat(diagnostics(outcome(physician.get("/Patient/" + stranger), 403))).contains("care relationship");
    }

    @Test
    void aTaskAboutAPatientIsReadOnlyWithinTheirCare() {
        org.hl7.fhir.r4.model.Task call = new org.hl7.fhir.r4.model.Task()
                .setStatus(org.hl7.fhir.r4.model.Task.TaskStatus.REQUESTED)
                .setIntent(org.hl7.fhir.r4.model.Task.TaskIntent.ORDER);
        call.setDescription("Call to confirm the visit");
        call.getFor().setReference("Patient/" + cared);
        String taskId = id(create(call));

        expect(physician(doctor).get("/Task/" + taskId), 200);
        expect(physician(otherDoctor).get("/Task/" + taskId), 403);
        assertThat(parse(expect(physician(otherDoctor).get("/Task?_id=" + taskId), 200).body(), Bundle.class)
                .getEntry()).isEmpty();
    }

    @Test
    void searchTotalsCountOnlyWhatTheCallerMaySee() {
        Bundle visible = parse(expect(physician(doctor).get("/Observation?code=" + code + "&_total=accurate"), 200)
                .body(), Bundle.class);
        assertThat(visible.getTotal()).isEqualTo(1);
        assertThat(visible.getEntry()).allSatisfy(entry -> assertThat(((Observation) entry.getResource())
                .getSubject().getReference()).isEqualTo("Patient/" + cared));
        assertThat(search("Observation?code=" + code + "&_total=accurate").getTotal()).as("system client").isEqualTo(2);
    }

    @Test
    void includesBringInOnlyVisibleResources() {
        Bundle bundle = parse(expect(physician(doctor).get("/Practitioner?_id=" + doctor
                + "&_revinclude=Observation:performer"), 200).body(), Bundle.class);
        assertThat(bundle.getEntry()).filteredOn(e -> e.getResource() instanceof Observation)
                .extracting(e -> ((Observation) e.getResource()).getSubject().getReference())
                .containsExactly("Patient/" + cared);
        assertThat(search("Practitioner?_id=" + doctor + "&_revinclude=Observation:performer").getEntry())
                .as("system client sees both").filteredOn(e -> e.getResource() instanceof Observation).hasSize(2);
    }

    @Test
    void chainingCannotFindAHiddenPatientByName() {
        Bundle bundle = parse(expect(physician(doctor).get("/Observation?subject.name=" + strangerFamily
                + "&_total=accurate"), 200).body(), Bundle.class);
        assertThat(bundle.getTotal()).isZero();
        assertThat(search("Observation?subject.name=" + strangerFamily + "&_total=accurate").getTotal())
                .as("system client").isEqualTo(1);
    }

    @Test
    void aConsentGrantsAccessAndItsRevocationTakesItAwayOnTheNextRequest() {
        FhirHttp physician = physician(otherDoctor);
        outcome(physician.get("/Patient/" + cared), 403);
        Consent consent = create(consent(cared, "Practitioner/" + otherDoctor));
        expect(physician.get("/Patient/" + cared), 200);
        expect(physician.get("/Observation?code=" + code), 200);
        consent.setStatus(Consent.ConsentState.INACTIVE);
        expect(http.put("/Consent/" + id(consent), json(consent), java.util.Map.of()), 200);
        outcome(physician.get("/Patient/" + cared), 403);
    }

    @Test
    void breakGlassOpensTheRecordForAWhileAlertsPrivacyOfficersAndFlagsEveryAccess() {
        JsonNode token = token(Role.PHYSICIAN, "Practitioner/" + doctor, "openid fhirUser user/*.cruds");
        FhirHttp physician = new FhirHttp(port, token.get("access_token").asText());
        outcome(physician.get("/Patient/" + stranger), 403);
        var invoked = api(token, "POST", "/api/security/break-glass",
                "{\"patient\":\"" + stranger + "\",\"reason\":\"Unconscious in the emergency department\"}");
        assertThat(invoked.statusCode()).as(invoked.body()).isEqualTo(200);
        expect(physician.get("/Patient/" + stranger), 200);
        String accountId = accountOf(token);
        assertThat(accessEvents.itemsFor(accountId)).anySatisfy(item -> {
            assertThat(item.compartment()).isEqualTo(stranger);
            assertThat(item.breakGlass()).isTrue();
        });
        assertThat(accessEvents.itemsFor(accountId)).filteredOn(item -> cared.equals(item.compartment()))
                .allSatisfy(item -> assertThat(item.breakGlass()).isFalse());
        JsonNode officer = token(Role.PRIVACY_OFFICER, null, "openid");
        // the audit module's break-glass monitor raises the alert from the trail, on its own thread
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var alerts = api(officer, "GET", "/api/audit/alerts", null);
            assertThat(alerts.statusCode()).isEqualTo(200);
            assertThat(alerts.body()).contains("\"rule\":\"break-glass\"").contains(stranger);
        });
        assertThat(api(token, "GET", "/api/audit/alerts", null).statusCode()).as("physicians do not see alerts")
                .isEqualTo(403);
    }

    @Test
    void breakGlassNeedsAReasonAndARoleAllowedToUseIt() {
        JsonNode physician = token(Role.PHYSICIAN, "Practitioner/" + doctor, "openid");
        assertThat(api(physician, "POST", "/api/security/break-glass", "{\"patient\":\"" + stranger
                + "\",\"reason\":\"\"}").statusCode()).isEqualTo(400);
        JsonNode biller = token(Role.BILLER, null, "openid");
        assertThat(api(biller, "POST", "/api/security/break-glass", "{\"patient\":\"" + stranger
                + "\",\"reason\":\"Checking a claim for this patient\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void scopesNarrowWhatTheRolesAllowButNeverWidenIt() {
        FhirHttp patientsOnly = as(Role.PHYSICIAN, "Practitioner/" + doctor, "openid user/Patient.rs");
        expect(patientsOnly.get("/Patient/" + cared), 200);
        outcome(patientsOnly.get("/Observation?code=" + code), 403);
        expect(physician(doctor).get("/Observation?code=" + code), 200);
        // front desk with every user scope still may not read clinical data
        FhirHttp frontDesk = as(Role.FRONT_DESK, null, "openid user/*.cruds");
        expect(frontDesk.get("/Patient/" + stranger), 200);
        outcome(frontDesk.get("/Observation?code=" + code), 403);
    }

    @Test
    void aPatientLaunchIsBoundToThePatientsOwnRecord() {
        JsonNode response = token(Role.PATIENT, "Patient/" + cared, "openid fhirUser launch/patient patient/*.rs");
        assertThat(response.get("patient").asText()).isEqualTo(cared);
        FhirHttp patient = new FhirHttp(port, response.get("access_token").asText());
        expect(patient.get("/Patient/" + cared), 200);
        assertThat(parse(expect(patient.get("/Observation?code=" + code + "&_total=accurate"), 200).body(),
                Bundle.class).getTotal()).isEqualTo(1);
        outcome(patient.get("/Patient/" + stranger), 403);
        outcome(patient.post("/Observation", json(observation(cared, code, doctor))), 403);
    }

    @Test
    void aFamilyMemberSeesWhatThePatientGrantedAndNothingElse() {
        String kin = id(create(relatedPerson(cared)));
        create(immunization(cared));
        FhirHttp proxy = as(Role.PROXY, "RelatedPerson/" + kin, "openid user/*.rs");
        assertThat(search(proxy, "Immunization?patient=" + cared)).isZero();
        Consent consent = create(consent(cared, "RelatedPerson/" + kin, "Immunization", "Patient"));
        assertThat(search(proxy, "Immunization?patient=" + cared)).isEqualTo(1);
        assertThat(search(proxy, "Observation?code=" + code)).as("not granted: Observation").isZero();
        expect(http.delete("/Consent/" + id(consent)), 200);
        assertThat(search(proxy, "Immunization?patient=" + cared)).isZero();
    }

    @Test
    void frontDeskSeesAppointmentsWithoutTheClinicalReason() {
        Appointment appointment = create(appointment(cared, doctor, "chest pain follow-up"));
        FhirHttp frontDesk = as(Role.FRONT_DESK, null, "openid user/*.cruds");
        Appointment masked = parse(expect(frontDesk.get("/Appointment/" + id(appointment)), 200).body(),
                Appointment.class);
        assertThat(masked.getReasonCode()).isEmpty();
        assertThat(masked.getMeta().getSecurity()).anySatisfy(tag -> assertThat(tag.getCode()).isEqualTo("REDACTED"));
        Appointment full = parse(expect(physician(doctor).get("/Appointment/" + id(appointment)), 200).body(),
                Appointment.class);
        assertThat(full.getReasonCodeFirstRep().getText()).isEqualTo("chest pain follow-up");
    }

    @Test
    void frontDeskChangingAnAppointmentKeepsTheReasonItCannotSee() {
        Appointment appointment = create(appointment(cared, doctor, "chest pain follow-up"));
        FhirHttp frontDesk = as(Role.FRONT_DESK, null, "openid user/*.cruds");
        Appointment masked = parse(expect(frontDesk.get("/Appointment/" + id(appointment)), 200).body(),
                Appointment.class);
        masked.setStatus(Appointment.AppointmentStatus.ARRIVED);
        Appointment answer = parse(expect(frontDesk.put("/Appointment/" + id(appointment), json(masked), Map.of()), 200)
                .body(), Appointment.class);
        assertThat(answer.getReasonCode()).as("the answer is masked like a read").isEmpty();
        expect(frontDesk.patch("/Appointment/" + id(appointment),
                "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"fulfilled\"}]", Map.of()), 200);
        Appointment full = parse(expect(physician(doctor).get("/Appointment/" + id(appointment)), 200).body(),
                Appointment.class);
        assertThat(full.getStatus()).isEqualTo(Appointment.AppointmentStatus.FULFILLED);
        assertThat(full.getReasonCodeFirstRep().getText()).isEqualTo("chest pain follow-up");
        assertThat(full.getMeta().getSecurity()).noneSatisfy(tag -> assertThat(tag.getCode()).isEqualTo("REDACTED"));
    }

    @Test
    void aPhysicianWritesOnlyIntoRecordsInTheirCare() {
        FhirHttp physician = physician(doctor);
        expect(physician.post("/Observation", json(observation(cared, code, doctor))), 201);
        outcome(physician.post("/Observation", json(observation(stranger, code, doctor))), 403);
    }

    @Test
    void aTransactionTouchingARecordOutOfReachIsRefusedWhole() {
        Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        transaction.addEntry().setResource(observation(cared, code, doctor)).getRequest()
                .setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
        transaction.addEntry().setResource(observation(stranger, code, doctor)).getRequest()
                .setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
        outcome(physician(doctor).post("/", json(transaction)), 403);
        assertThat(search("Observation?code=" + code + "&_total=accurate").getTotal()).as("nothing written")
                .isEqualTo(2);
        transaction.getEntry().remove(1);
        expect(physician(doctor).post("/", json(transaction)), 200);
    }

    @Test
    void everythingAndHistoryHoldOnlyWhatTheCallerMaySee() {
        FhirHttp frontDesk = as(Role.FRONT_DESK, null, "openid user/*.cruds");
        Bundle everything = parse(expect(frontDesk.get("/Patient/" + cared + "/$everything"), 200).body(), Bundle.class);
        assertThat(everything.getEntry()).extracting(e -> e.getResource().fhirType()).contains("Patient")
                .doesNotContain("Observation", "Encounter");
        Bundle full = search("Patient/" + cared + "/$everything");
        assertThat(full.getEntry()).extracting(e -> e.getResource().fhirType()).contains("Observation", "Encounter");
        Bundle history = parse(expect(physician(doctor).get("/Observation/_history?_count=500"), 200).body(),
                Bundle.class);
        assertThat(history.getEntry()).isNotEmpty().allSatisfy(entry -> assertThat(((Observation) entry.getResource())
                .getSubject().getReference()).isNotEqualTo("Patient/" + stranger));
    }

    @Test
    void withoutATokenTheApiAnswers401ButDiscoveryIsOpen() {
        FhirHttp anonymous = new FhirHttp(port, null);
        var response = anonymous.get("/Patient/" + cared);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("OperationOutcome");
        expect(anonymous.get("/metadata"), 200);
        var discovery = anonymous.send(HttpRequest.newBuilder(URI.create(anonymous.base()
                + "/.well-known/smart-configuration")).header("Accept", "application/json"));
        assertThat(expect(discovery, 200).body()).contains("\"authorization_endpoint\"").contains("S256");
    }

    private int search(FhirHttp caller, String query) {
        return parse(expect(caller.get("/" + query + (query.contains("?") ? "&" : "?") + "_total=accurate"), 200)
                .body(), Bundle.class).getTotal();
    }

    private String accountOf(JsonNode token) {
        String payload = token.get("access_token").asText().split("\\.")[1];
        String json = new String(java.util.Base64.getUrlDecoder().decode(payload), java.nio.charset.StandardCharsets.UTF_8);
        return json.replaceAll(".*\"salus_account\":\"([^\"]+)\".*", "$1");
    }

    private java.net.http.HttpResponse<String> api(JsonNode token, String method, String path, String body) {
        return Api.call(port, token.get("access_token").asText(), method, path, body);
    }
}
