package health.salus.security;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;

/** Small builders for the records the access tests arrange: who treats whom, and who consented to what. */
final class CareScenario {

    private CareScenario() {
    }

    static Practitioner practitioner(String family) {
        Practitioner practitioner = new Practitioner();
        practitioner.addName(new HumanName().setFamily(family).addGiven("Test"));
        return practitioner;
    }

    static Patient patient(String family) {
        Patient patient = new Patient();
        patient.addName(new HumanName().setFamily(family).addGiven("Pat"));
        return patient;
    }

    static Encounter encounter(String patientId, String practitionerId) {
        Encounter encounter = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
                .setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"))
                .setSubject(new Reference("Patient/" + patientId));
        encounter.addParticipant().setIndividual(new Reference("Practitioner/" + practitionerId));
        return encounter;
    }

    static Observation observation(String patientId, String code, String performerId) {
        Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL)
                .setCode(new CodeableConcept(new Coding("urn:test", code, code)))
                .setSubject(new Reference("Patient/" + patientId));
        observation.addPerformer(new Reference("Practitioner/" + performerId));
        return observation;
    }

    static Immunization immunization(String patientId) {
        return new Immunization().setStatus(Immunization.ImmunizationStatus.COMPLETED)
                .setVaccineCode(new CodeableConcept(new Coding("http://hl7.org/fhir/sid/cvx", "208", "COVID-19")))
                .setPatient(new Reference("Patient/" + patientId)).setOccurrence(new org.hl7.fhir.r4.model.DateTimeType("2026-01-05"));
    }

    static Appointment appointment(String patientId, String practitionerId, String reason) {
        Appointment appointment = new Appointment().setStatus(Appointment.AppointmentStatus.BOOKED)
                .setStart(java.sql.Timestamp.valueOf("2026-12-01 09:00:00"))
                .setEnd(java.sql.Timestamp.valueOf("2026-12-01 09:20:00"));
        appointment.addReasonCode().setText(reason);
        appointment.addParticipant().setActor(new Reference("Patient/" + patientId))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        appointment.addParticipant().setActor(new Reference("Practitioner/" + practitionerId))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        return appointment;
    }

    static RelatedPerson relatedPerson(String patientId) {
        RelatedPerson person = new RelatedPerson().setPatient(new Reference("Patient/" + patientId));
        person.addName(new HumanName().setFamily("Kin").addGiven("Test"));
        return person;
    }

    /** The patient's consent letting {@code actor} see their record (only {@code types}, when given). */
    static Consent consent(String patientId, String actor, String... types) {
        return ConsentGrants.permit(patientId, actor, java.util.List.of(types));
    }
}
