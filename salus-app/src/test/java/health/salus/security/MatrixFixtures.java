package health.salus.security;

import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Invoice;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** One valid resource of each type the access matrix exercises, in a given patient's record. */
final class MatrixFixtures {

    /**
     * The resource types of the matrix: one per group of the policy, plus a shared one. AuditEvent is
     * not stored (the audit module serves the trail itself), so its routes are in the route table.
     */
    static final java.util.List<String> TYPES = java.util.List.of("Patient", "Appointment", "Encounter", "Observation",
            "CarePlan", "Consent", "Coverage", "Invoice", "Practitioner");

    private MatrixFixtures() {
    }

    static Resource of(String type, String patientId, String practitionerId) {
        return switch (type) {
            case "Patient" -> CareScenario.patient("Matrix");
            case "Appointment" -> CareScenario.appointment(patientId, practitionerId, "review");
            case "Encounter" -> CareScenario.encounter(patientId, practitionerId);
            case "Observation" -> CareScenario.observation(patientId, "matrix", practitionerId);
            case "CarePlan" -> new CarePlan().setStatus(CarePlan.CarePlanStatus.ACTIVE)
                    .setIntent(CarePlan.CarePlanIntent.PLAN).setSubject(new Reference("Patient/" + patientId));
            case "Consent" -> CareScenario.consent(patientId, "Organization/matrix-none");
            case "Coverage" -> new Coverage().setStatus(Coverage.CoverageStatus.ACTIVE)
                    .setBeneficiary(new Reference("Patient/" + patientId))
                    .addPayor(new Reference("Patient/" + patientId));
            case "Invoice" -> new Invoice().setStatus(Invoice.InvoiceStatus.DRAFT)
                    .setSubject(new Reference("Patient/" + patientId));
            case "Practitioner" -> CareScenario.practitioner("Matrix");
            default -> throw new IllegalArgumentException(type);
        };
    }

    /** An AuditEvent as a client might try to write one (the trail refuses it). */
    static AuditEvent auditEvent(String patientId) {
        AuditEvent event = new AuditEvent().setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type",
                "rest", "RESTful Operation")).setRecordedElement(InstantType.now());
        event.addAgent().setRequestor(true).setWho(new Reference().setDisplay("matrix"));
        event.getSource().setObserver(new Reference().setDisplay("salus"));
        event.addEntity().setWhat(new Reference("Patient/" + patientId));
        return event;
    }
}
