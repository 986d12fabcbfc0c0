package health.salus.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import health.salus.fhir.validation.ResourceValidator;
import health.salus.security.Accounts;
import health.salus.support.FhirApiTest;
import health.salus.support.FhirHttp;
import health.salus.support.Tokens;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /fhir/AuditEvent} is the audit trail itself: officers find who read a patient's record,
 * as valid R4 AuditEvents; nobody else reads it, nobody writes it, and the store never holds it.
 */
class AuditEventViewTest extends FhirApiTest {

    private static AuditViewsClinic clinic;

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    ResourceValidator validator;
    @Autowired
    JdbcTemplate jdbc;

    private AuditViewsClinic clinic() {
        if (clinic == null) {
            clinic = new AuditViewsClinic(port, accounts, resource -> create(resource).getIdElement().getIdPart());
        }
        return clinic;
    }

    @Test
    void anAuditorFindsThePhysiciansReadOfThePatientAsAValidAuditEvent() {
        AuditViewsClinic c = clinic();
        Instant start = Instant.now().minus(1, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.SECONDS);
        String observation = c.observations.get(0);
        expect(c.physician.get("/Observation/" + observation), 200);

        Bundle found = parse(expect(c.auditor.get("/AuditEvent?patient=Patient/" + c.patient + "&date=ge" + start
                + "&agent=Practitioner/" + c.doctor + "&subtype=read&_count=50"), 200).body(), Bundle.class);
        List<AuditEvent> events = found.getEntry().stream().map(e -> (AuditEvent) e.getResource()).toList();
        AuditEvent read = events.stream().filter(e -> e.getEntity().stream()
                .anyMatch(entity -> ("Observation/" + observation).equals(entity.getWhat().getReference())))
                .findFirst().orElseThrow(() -> new AssertionError("no AuditEvent for the physician's read"));
        assertThat(read.getAction()).isEqualTo(AuditEvent.AuditEventAction.R);
        assertThat(read.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
        assertThat(read.getType().getCode()).isEqualTo("rest");
        assertThat(read.getSubtypeFirstRep().getCode()).isEqualTo("read");
        assertThat(read.getPurposeOfEventFirstRep().getCodingFirstRep().getCode()).isEqualTo("TREAT");
        AuditEvent.AuditEventAgentComponent agent = read.getAgent().stream()
                .filter(AuditEvent.AuditEventAgentComponent::getRequestor).findFirst().orElseThrow();
        assertThat(agent.getWho().getReference()).isEqualTo("Practitioner/" + c.doctor);
        assertThat(agent.getWho().getIdentifier().getValue()).isEqualTo(c.physicianAccount);
        assertThat(agent.getRoleFirstRep().getCodingFirstRep().getCode()).isEqualTo("physician");
        assertThat(agent.getNetwork().getAddress()).isEqualTo("127.0.0.1");
        assertThat(read.getEntity()).anySatisfy(entity -> {
            assertThat(entity.getWhat().getReference()).isEqualTo("Patient/" + c.patient);
            assertThat(entity.getRole().getCode()).isEqualTo("1");
        });
        // newest first, and every one about this patient and this agent
        assertThat(events).allSatisfy(e -> assertThat(e.getEntity().stream().map(x -> x.getWhat().getReference()))
                .contains("Patient/" + c.patient));
        assertThat(events).isSortedAccordingTo((a, b) -> Long.compare(Long.parseLong(b.getIdPart()),
                Long.parseLong(a.getIdPart())));
        String readId = read.getIdElement().getIdPart();
        read.setId((String) null);
        assertThatCode(() -> validator.validate(read)).as("valid against the R4 AuditEvent profile")
                .doesNotThrowAnyException();

        AuditEvent byId = parse(expect(c.auditor.get("/AuditEvent/" + readId), 200).body(), AuditEvent.class);
        assertThat(byId.getRecorded()).isEqualTo(read.getRecorded());
        // and the auditor's own looks are on the trail
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where category = 'AUDIT' and action = "
                + "'AuditEvent.search' and outcome = 'SUCCESS' and patient_id = ?", Long.class, c.patient))
                .isPositive();
    }

    @Test
    void aSearchBeforeTheReadOrForAnotherPatientDoesNotFindIt() {
        AuditViewsClinic c = clinic();
        expect(c.physician.get("/Observation/" + c.observations.get(1)), 200);
        Bundle other = parse(expect(c.auditor.get("/AuditEvent?patient=" + c.otherPatient + "&entity=Observation/"
                + c.observations.get(1)), 200).body(), Bundle.class);
        assertThat(other.getEntry()).isEmpty();
        Bundle before = parse(expect(c.auditor.get("/AuditEvent?entity=Observation/" + c.observations.get(1)
                + "&date=lt2020-01-01"), 200).body(), Bundle.class);
        assertThat(before.getEntry()).isEmpty();
        Bundle found = parse(expect(c.privacyOfficer.get("/AuditEvent?entity=Observation/" + c.observations.get(1)
                + "&action=R&outcome=0"), 200).body(), Bundle.class);
        assertThat(found.getEntry()).isNotEmpty();
        expect(c.auditor.get("/AuditEvent?color=blue"), 400);
    }

    @Test
    void aPhysicianAnIntegrationAndAPatientAreRefusedTheTrail() {
        AuditViewsClinic c = clinic();
        for (FhirHttp caller : List.of(c.physician, c.patientApp, new FhirHttp(port, Tokens.system(port)))) {
            assertThat(diagnostics(outcome(caller.get("/AuditEvent?patient=" + c.patient), 403)))
                    .contains("audit trail");
            outcome(caller.get("/AuditEvent/1"), 403);
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where category = 'AUDIT' and actor_id = ? "
                + "and outcome = 'DENIED'", Long.class, c.physicianAccount)).isPositive();
    }

    @Test
    void writingAnAuditEventIsRefusedAndNothingIsStored() {
        AuditViewsClinic c = clinic();
        AuditEvent forged = new AuditEvent().setType(new org.hl7.fhir.r4.model.Coding(
                "http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", null)).setRecorded(new java.util.Date());
        forged.addAgent().setRequestor(true).setWho(new Reference().setDisplay("forger"));
        forged.getSource().setObserver(new Reference().setDisplay("forger"));
        for (FhirHttp caller : List.of(c.auditor, c.privacyOfficer, http)) {
            outcome(caller.post("/AuditEvent", json(forged)), 405);
            outcome(caller.put("/AuditEvent/1", json(forged.setId("1")), Map.of()), 405);
            outcome(caller.delete("/AuditEvent/1"), 405);
            forged.setId((String) null);
        }
        Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        transaction.addEntry().setResource(forged).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("AuditEvent");
        HttpResponse<String> refused = http.post("", json(transaction));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(405);
        assertThat(jdbc.queryForObject("select count(*) from fhir_resource where res_type = 'AuditEvent'",
                Long.class)).isZero();
        // system history and $everything show no AuditEvent from the store
        Bundle history = parse(expect(http.get("/_history?_count=100"), 200).body(), Bundle.class);
        assertThat(history.getEntry()).noneMatch(e -> e.hasResource() && e.getResource() instanceof AuditEvent);
        Bundle everything = parse(expect(http.get("/Patient/" + c.patient + "/$everything"), 200).body(),
                Bundle.class);
        assertThat(everything.getEntry()).noneMatch(e -> e.getResource() instanceof AuditEvent);
    }

    @Test
    void theCapabilityStatementListsWhatTheAuditEventViewAnswers() {
        CapabilityStatement statement = parse(expect(http.get("/metadata"), 200).body(), CapabilityStatement.class);
        CapabilityStatement.CapabilityStatementRestResourceComponent auditEvent = statement.getRestFirstRep()
                .getResource().stream().filter(r -> r.getType().equals("AuditEvent")).findFirst().orElseThrow();
        assertThat(auditEvent.getInteraction().stream().map(i -> i.getCode().toCode()))
                .containsExactlyInAnyOrder("read", "search-type");
        assertThat(auditEvent.getSearchParam().stream().map(p -> p.getName()))
                .contains("date", "agent", "patient", "entity", "type", "subtype", "action", "outcome")
                .doesNotContain("_lastUpdated", "site");
        assertThat(statement.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals("Observation"))
                .findFirst().orElseThrow().getInteraction()).hasSizeGreaterThan(2);
    }

}
