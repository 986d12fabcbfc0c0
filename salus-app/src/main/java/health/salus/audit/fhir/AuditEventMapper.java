package health.salus.audit.fhir;

import health.salus.audit.AuditCategory;
import health.salus.audit.AuditOutcome;
import health.salus.audit.AuditRecord;
import health.salus.audit.trail.EntryRows.StoredEntry;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * One audit entry as an R4 AuditEvent: id = the entry's position in the chain. Codes follow the R4
 * AuditEvent guidance (DICOM / audit-event-type for the kind, RESTful interaction for the subtype,
 * v3-ActReason for the purpose); the trail holds ids and codes only, so the event does too.
 */
final class AuditEventMapper {

    static final String EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
    static final String INTERACTION = "http://hl7.org/fhir/restful-interaction";
    static final String ACTION_SYSTEM = "urn:salus:audit-action";
    static final String ROLE_SYSTEM = "urn:salus:role";
    static final String ACCOUNT_SYSTEM = "urn:salus:account";
    static final String CLIENT_SYSTEM = "urn:salus:client";

    /** The FHIR interaction each recorded action of patient data stands for, and its AuditEvent action. */
    static final Map<String, String> SUBTYPES = Map.of("read", "read", "search", "search-type", "create", "create",
            "update", "update", "delete", "delete");
    private static final Map<String, AuditEventAction> ACTIONS = Map.of("read", AuditEventAction.R, "search",
            AuditEventAction.E, "create", AuditEventAction.C, "update", AuditEventAction.U, "delete", AuditEventAction.D);

    private final Function<String, Optional<String>> fhirUserOfAccount;

    /** {@code fhirUserOfAccount} names the Practitioner, Patient or RelatedPerson an account is linked to. */
    AuditEventMapper(Function<String, Optional<String>> fhirUserOfAccount) {
        this.fhirUserOfAccount = fhirUserOfAccount;
    }

    AuditEvent map(StoredEntry entry) {
        AuditRecord record = entry.record();
        AuditEvent event = new AuditEvent();
        event.setId(Long.toString(entry.sequence()));
        event.getMeta().setVersionId("1").setLastUpdated(Date.from(entry.recordedAt()));
        event.setType(type(record.category()));
        if (record.category() == AuditCategory.PATIENT_DATA && SUBTYPES.containsKey(record.action())) {
            event.addSubtype(new Coding(INTERACTION, SUBTYPES.get(record.action()), null));
        } else {
            event.addSubtype(new Coding(ACTION_SYSTEM, record.action(), null));
        }
        event.setAction(action(record));
        event.setRecorded(Date.from(record.occurredAt()));
        event.setOutcome(outcome(record.outcome()));
        if (record.detail() != null) {
            event.setOutcomeDesc(record.detail());
        }
        event.addPurposeOfEvent().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActReason",
                record.purpose().v3Code(), null));
        addAgents(event, record);
        event.getSource().setSite("Salus").setObserver(new Reference().setDisplay("Salus"))
                .addType(new Coding("http://terminology.hl7.org/CodeSystem/security-source-type", "4",
                        "Application Server"));
        addEntities(event, record);
        return event;
    }

    static AuditEventOutcome outcome(AuditOutcome outcome) {
        return switch (outcome) {
            case SUCCESS -> AuditEventOutcome._0;
            // refused by policy or authentication: the request failed, nothing was exposed
            case DENIED -> AuditEventOutcome._4;
            case FAILURE -> AuditEventOutcome._8;
        };
    }

    static AuditEventAction action(AuditRecord record) {
        if (record.category() == AuditCategory.PATIENT_DATA) {
            return ACTIONS.getOrDefault(record.action(), AuditEventAction.E);
        }
        // looking at the trail is reading it; sign-ins, key and policy changes are executions
        return record.category() == AuditCategory.AUDIT ? AuditEventAction.R : AuditEventAction.E;
    }

    static Coding type(AuditCategory category) {
        return switch (category) {
            case PATIENT_DATA -> new Coding(EVENT_TYPE, "rest", "RESTful Operation");
            case AUTHENTICATION -> new Coding(DICOM, "110114", "User Authentication");
            case AUDIT -> new Coding(DICOM, "110101", "Audit Log Used");
            case ADMINISTRATION, KEY_MANAGEMENT, SECURITY -> new Coding(DICOM, "110113", "Security Alert");
        };
    }

    private void addAgents(AuditEvent event, AuditRecord record) {
        AuditRecord.Actor actor = record.actor();
        AuditEvent.AuditEventAgentComponent agent = event.addAgent().setRequestor(true);
        agent.setWho(who(actor.id()));
        actor.roles().forEach(role -> agent.addRole().addCoding(new Coding(ROLE_SYSTEM, role, null)));
        AuditRecord.Origin origin = record.origin();
        if (origin.clientIp() != null) {
            agent.getNetwork().setAddress(origin.clientIp()).setType(AuditEvent.AuditEventAgentNetworkType._2);
        }
        if (origin.requestId() != null) {
            // the request id ties the event to the server's logs of the same request
            agent.addPolicy("urn:salus:request:" + origin.requestId());
        }
        if (actor.onBehalfOf() != null) {
            AuditEvent.AuditEventAgentComponent behalf = event.addAgent().setRequestor(false);
            behalf.setWho(actor.onBehalfOf().startsWith("client:")
                    ? new Reference().setIdentifier(new Identifier().setSystem(CLIENT_SYSTEM)
                            .setValue(actor.onBehalfOf().substring("client:".length())))
                    : new Reference(actor.onBehalfOf()));
            behalf.getType().addCoding(new Coding(DICOM, actor.onBehalfOf().startsWith("client:") ? "110150" : "110153",
                    actor.onBehalfOf().startsWith("client:") ? "Application" : "Source Role ID"));
        }
    }

    private Reference who(String actorId) {
        if (actorId == null) {
            return new Reference().setDisplay("unknown user");
        }
        if (actorId.startsWith("client:")) {
            return new Reference().setIdentifier(new Identifier().setSystem(CLIENT_SYSTEM)
                    .setValue(actorId.substring("client:".length())));
        }
        if (actorId.startsWith("system:")) {
            return new Reference().setDisplay("Salus").setIdentifier(new Identifier().setSystem(ACCOUNT_SYSTEM)
                    .setValue(actorId));
        }
        Reference who = new Reference().setIdentifier(new Identifier().setSystem(ACCOUNT_SYSTEM).setValue(actorId));
        fhirUserOfAccount.apply(actorId).ifPresent(who::setReference);
        return who;
    }

    private static void addEntities(AuditEvent event, AuditRecord record) {
        if (record.patientId() != null) {
            event.addEntity().setWhat(new Reference("Patient/" + record.patientId()))
                    .setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person"))
                    .setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient"));
        }
        if (record.resourceType() == null) {
            return;
        }
        for (String id : record.resourceIds()) {
            if (record.resourceType().equals("Patient") && id.equals(record.patientId())) {
                continue;
            }
            event.addEntity().setWhat(new Reference(record.resourceType() + "/" + id))
                    .setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2",
                            "System Object"))
                    .setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "4", "Domain Resource"));
        }
    }
}
