package health.salus.workspace.clinician;

import health.salus.fhir.ResourceStore;
import health.salus.security.SystemAccess;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A small clinic for the chart tests, written as the system: a doctor with one patient in their care
 * (a varied record across three years) and one patient who is not (seen by another doctor only).
 * Names and identifiers are unique per run, since all integration tests share one database.
 */
final class ChartClinic {

    static final LocalDate BIRTH_DATE = LocalDate.of(1980, 5, 17);
    /** a visit far enough ahead to be on this date in any time zone the browser reports */
    static final String VISIT_DAY = "2030-01-15";

    /** letters only, so the names stay searchable as names */
    final String suffix = new java.util.Random().ints(6, 'a', 'z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    final String doctor;
    final String doctorName;
    final String otherDoctor;
    final String cared;
    final String caredName;
    final String mrn;
    final String stranger;
    final String strangerName;

    private final ResourceStore store;

    ChartClinic(ResourceStore store, SystemAccess system) {
        this.store = store;
        doctorName = "Test Chartwell" + suffix;
        caredName = "Ada Carewell" + suffix;
        strangerName = "Zed Faraway" + suffix;
        mrn = "TST" + suffix.toUpperCase(java.util.Locale.ROOT);
        String[] ids = system.call("chart-test", () -> {
            String doctorId = create(practitioner("Chartwell" + suffix));
            String otherId = create(practitioner("Otherdoc" + suffix));
            String caredId = create(patient("Carewell" + suffix, "Ada", mrn));
            String strangerId = create(patient("Faraway" + suffix, "Zed", "TSX" + suffix.toUpperCase(java.util.Locale.ROOT)));
            record(caredId, doctorId);
            create(encounter(strangerId, otherId, "2024-01-10T10:00:00Z", "Office visit"));
            return new String[] {doctorId, otherId, caredId, strangerId};
        });
        doctor = ids[0];
        otherDoctor = ids[1];
        cared = ids[2];
        stranger = ids[3];
    }

    private void record(String patientId, String doctorId) {
        Reference patient = new Reference("Patient/" + patientId);
        create(encounter(patientId, doctorId, "2022-04-02T14:00:00Z", "Office visit"));
        create(encounter(patientId, doctorId, "2023-06-20T09:30:00Z", "Follow-up visit"));
        create(encounter(patientId, doctorId, "2024-03-10T15:00:00Z", "Office visit"));
        int[] rates = {80, 70, 60};
        String[] when = {"2022-04-02T14:10:00Z", "2023-06-20T09:40:00Z", "2024-03-10T15:10:00Z"};
        for (int i = 0; i < rates.length; i++) {
            create(observation(patient, "vital-signs", "8867-4", "Heart rate", when[i])
                    .setValue(quantity(rates[i], "/min")));
        }
        Observation bp = observation(patient, "vital-signs", "85354-9", "Blood pressure panel", "2024-03-10T15:10:00Z");
        bp.addComponent().setCode(loinc("8480-6", "Systolic blood pressure")).setValue(quantity(128, "mm[Hg]"));
        bp.addComponent().setCode(loinc("8462-4", "Diastolic blood pressure")).setValue(quantity(82, "mm[Hg]"));
        create(bp);
        create(observation(patient, "laboratory", "4548-4", "Hemoglobin A1c", "2023-06-21T08:00:00Z")
                .setValue(quantity(6.1, "%")));
        Condition problem = new Condition().setSubject(patient)
                .setClinicalStatus(concept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active"))
                .setCode(concept("http://snomed.info/sct", "59621000", "Essential hypertension"))
                .setOnset(new DateTimeType("2019-02-01"));
        create(problem);
        MedicationRequest medication = new MedicationRequest().setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE)
                .setIntent(MedicationRequest.MedicationRequestIntent.ORDER).setSubject(patient)
                .setMedication(concept("http://www.nlm.nih.gov/research/umls/rxnorm", "314076", "Lisinopril 10 mg tablet"))
                .setAuthoredOnElement(new DateTimeType("2023-06-20T09:50:00Z"))
                .setRequester(new Reference("Practitioner/" + doctorId));
        medication.addDosageInstruction().setText("One tablet each morning");
        create(medication);
        AllergyIntolerance allergy = new AllergyIntolerance().setPatient(patient)
                .setClinicalStatus(concept("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active",
                        "Active"))
                .setCriticality(AllergyIntolerance.AllergyIntoleranceCriticality.HIGH)
                .setCode(concept("http://snomed.info/sct", "764146007", "Penicillin"));
        allergy.addReaction().addManifestation(concept("http://snomed.info/sct", "247472004", "Hives"));
        create(allergy);
        create(new Immunization().setStatus(Immunization.ImmunizationStatus.COMPLETED)
                .setVaccineCode(concept("http://hl7.org/fhir/sid/cvx", "158", "Influenza, injectable"))
                .setPatient(patient).setOccurrence(new DateTimeType("2023-10-01")));
        CareTeam team = new CareTeam().setStatus(CareTeam.CareTeamStatus.ACTIVE).setName("Primary care")
                .setSubject(patient);
        team.addParticipant().setMember(new Reference("Practitioner/" + doctorId))
                .addRole(concept("http://snomed.info/sct", "446050000", "Primary care physician"));
        create(team);
        create(new Flag().setStatus(Flag.FlagStatus.ACTIVE).setSubject(patient)
                .setCode(new CodeableConcept().setText("Fall risk")));
        DocumentReference document = new DocumentReference()
                .setStatus(Enumerations.DocumentReferenceStatus.CURRENT).setSubject(patient)
                .setDescription("Discharge summary").setDate(java.util.Date.from(java.time.Instant.parse(
                        "2022-08-01T12:00:00Z")));
        document.addContent().setAttachment(new Attachment().setContentType("text/plain").setTitle("Summary"));
        create(document);
        Appointment visit = new Appointment().setStatus(Appointment.AppointmentStatus.BOOKED)
                .setStart(java.util.Date.from(java.time.Instant.parse(VISIT_DAY + "T15:00:00Z")))
                .setEnd(java.util.Date.from(java.time.Instant.parse(VISIT_DAY + "T15:20:00Z")));
        visit.addReasonCode().setText("Blood pressure review");
        visit.addParticipant().setActor(patient).setStatus(Appointment.ParticipationStatus.ACCEPTED);
        visit.addParticipant().setActor(new Reference("Practitioner/" + doctorId))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        create(visit);
    }

    private String create(Resource resource) {
        return store.create(resource, Optional.empty()).resource().getIdElement().getIdPart();
    }

    private static Practitioner practitioner(String family) {
        Practitioner practitioner = new Practitioner();
        practitioner.addName(new HumanName().setFamily(family).addGiven("Test"));
        return practitioner;
    }

    private static Patient patient(String family, String given, String mrn) {
        Patient patient = new Patient();
        patient.addName(new HumanName().setFamily(family).addGiven(given));
        patient.setGender(Enumerations.AdministrativeGender.FEMALE);
        patient.setBirthDateElement(new DateType(BIRTH_DATE.toString()));
        patient.addIdentifier(new Identifier().setSystem("urn:salus:test:mrn").setValue(mrn)
                .setType(concept("http://terminology.hl7.org/CodeSystem/v2-0203", "MR", "Medical record number")));
        return patient;
    }

    private static Encounter encounter(String patientId, String practitionerId, String start, String type) {
        Encounter encounter = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
                .setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"))
                .setSubject(new Reference("Patient/" + patientId))
                .setPeriod(new Period().setStartElement(new DateTimeType(start)));
        encounter.addType(new CodeableConcept().setText(type));
        encounter.addParticipant().setIndividual(new Reference("Practitioner/" + practitionerId));
        return encounter;
    }

    private static Observation observation(Reference patient, String category, String code, String display,
            String when) {
        Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL)
                .setCode(loinc(code, display)).setSubject(patient).setEffective(new DateTimeType(when));
        observation.addCategory(concept("http://terminology.hl7.org/CodeSystem/observation-category", category,
                category));
        return observation;
    }

    private static CodeableConcept loinc(String code, String display) {
        return concept("http://loinc.org", code, display);
    }

    private static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept(new Coding(system, code, display));
    }

    private static Quantity quantity(double value, String unit) {
        return new Quantity().setValue(BigDecimal.valueOf(value)).setUnit(unit).setSystem("http://unitsofmeasure.org")
                .setCode(unit);
    }
}
