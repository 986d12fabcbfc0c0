package health.salus.patients.merge;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** A small but varied patient record for merge tests: each resource type that points at its patient differently. */
final class PatientRecordBuilder {

    static final String MRN_SYSTEM = "urn:salus:test:mrn";

    private PatientRecordBuilder() {
    }

    static Patient patient(String family, String mrn) {
        Patient patient = new Patient();
        patient.setActive(true);
        patient.addName(new HumanName().setFamily(family).addGiven("Merge"));
        patient.setGender(Enumerations.AdministrativeGender.FEMALE);
        patient.addIdentifier(new Identifier().setSystem(MRN_SYSTEM).setValue(mrn)
                .setUse(Identifier.IdentifierUse.OFFICIAL));
        return patient;
    }

    /**
     * The record of {@code patientId}, created through {@code create} (which returns the stored resource):
     * an encounter with two observations, a condition, an appointment, a coverage, a care team.
     */
    static List<Resource> record(String patientId, String payerId, Function<Resource, Resource> create) {
        Reference patient = new Reference("Patient/" + patientId);
        List<Resource> record = new ArrayList<>();
        Encounter encounter = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
                .setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"))
                .setSubject(patient);
        Resource storedEncounter = create.apply(encounter);
        record.add(storedEncounter);
        Reference encounterRef = new Reference("Encounter/" + storedEncounter.getIdElement().getIdPart());
        for (int heartRate : new int[] {61, 72}) {
            record.add(create.apply(new Observation().setStatus(Observation.ObservationStatus.FINAL)
                    .setCode(loinc("8867-4", "Heart rate")).setSubject(patient).setEncounter(encounterRef)
                    .setValue(new Quantity().setValue(heartRate).setUnit("/min")
                            .setSystem("http://unitsofmeasure.org").setCode("/min"))));
        }
        record.add(create.apply(new Condition().setSubject(patient).setEncounter(encounterRef)
                .setCode(new CodeableConcept(new Coding("http://snomed.info/sct", "38341003", "Hypertension")))));
        java.util.Date start = java.util.Date.from(java.time.Instant.parse("2026-03-02T09:00:00Z"));
        Appointment appointment = new Appointment().setStatus(Appointment.AppointmentStatus.BOOKED).setStart(start)
                .setEnd(java.util.Date.from(start.toInstant().plusSeconds(900)));
        appointment.addParticipant().setActor(patient).setStatus(Appointment.ParticipationStatus.ACCEPTED);
        record.add(create.apply(appointment));
        Coverage coverage = new Coverage().setStatus(Coverage.CoverageStatus.ACTIVE).setBeneficiary(patient)
                .setSubscriber(patient);
        coverage.addPayor(new Reference("Organization/" + payerId));
        record.add(create.apply(coverage));
        record.add(create.apply(new CareTeam().setStatus(CareTeam.CareTeamStatus.ACTIVE).setSubject(patient)));
        return record;
    }

    /** An observation of {@code subjectId} that a second patient, {@code performerId}, performed (both referenced). */
    static Observation observedBy(String subjectId, String performerId) {
        Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL)
                .setCode(loinc("8867-4", "Heart rate")).setSubject(new Reference("Patient/" + subjectId));
        observation.addPerformer(new Reference("Patient/" + performerId));
        return observation;
    }

    /** An allergy of {@code patientId} that {@code asserterId} reported: in the first patient's record. */
    static AllergyIntolerance allergyAssertedBy(String patientId, String asserterId) {
        AllergyIntolerance allergy = new AllergyIntolerance().setPatient(new Reference("Patient/" + patientId))
                .setAsserter(new Reference("Patient/" + asserterId))
                .setCode(new CodeableConcept(new Coding("http://snomed.info/sct", "91936005", "Penicillin allergy")));
        allergy.setClinicalStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active", "Active")));
        return allergy;
    }

    private static CodeableConcept loinc(String code, String display) {
        return new CodeableConcept(new Coding("http://loinc.org", code, display));
    }
}
