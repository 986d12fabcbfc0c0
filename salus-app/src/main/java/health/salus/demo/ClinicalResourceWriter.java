package health.salus.demo;

import health.salus.demo.ClinicDirectory.Clinician;
import health.salus.demo.ClinicalCatalog.Code;
import health.salus.demo.ClinicalCatalog.Drug;
import health.salus.demo.PatientProfile.AllergyOnset;
import health.salus.demo.VaccineCatalog.Route;
import health.salus.demo.VaccineCatalog.Vaccine;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Timing;

/** Problem-list entries, diagnoses, prescriptions, allergies and administered vaccines. */
final class ClinicalResourceWriter {

    private final String patientRef;

    ClinicalResourceWriter(String patientRef) {
        this.patientRef = patientRef;
    }

    /**
     * A Condition coded in both SNOMED CT and ICD-10-CM. Chronic problems go on the problem
     * list; acute ones are encounter diagnoses that resolve unless still ongoing.
     */
    Condition condition(Code snomed, Code icd10, boolean chronic, LocalDate onset, Optional<LocalDate> abatement,
                        LocalDateTime recorded, String encounterRef, Clinician clinician) {
        Condition condition = new Condition();
        condition.setClinicalStatus(FhirTypes.concept("http://terminology.hl7.org/CodeSystem/condition-clinical",
                abatement.isPresent() ? "resolved" : "active", abatement.isPresent() ? "Resolved" : "Active"));
        condition.setVerificationStatus(FhirTypes.concept(
                "http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", "Confirmed"));
        condition.addCategory(chronic
                ? FhirTypes.concept("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item",
                        "Problem List Item")
                : FhirTypes.concept("http://terminology.hl7.org/CodeSystem/condition-category", "encounter-diagnosis",
                        "Encounter Diagnosis"));
        CodeableConcept code = FhirTypes.concept(snomed).addCoding(FhirTypes.coding(icd10));
        condition.setCode(code);
        condition.setSubject(FhirTypes.ref(patientRef));
        condition.setEncounter(FhirTypes.ref(encounterRef));
        condition.setOnset(FhirTypes.dateOnly(onset));
        abatement.ifPresent(day -> condition.setAbatement(FhirTypes.dateOnly(day)));
        condition.setRecordedDateElement(FhirTypes.dateTime(recorded));
        condition.setRecorder(FhirTypes.ref("Practitioner/" + clinician.id(), clinician.displayName()));
        return condition;
    }

    MedicationRequest prescription(Drug drug, boolean stillActive, LocalDateTime authored, String encounterRef,
                                   Clinician prescriber, String reasonRef) {
        MedicationRequest request = new MedicationRequest();
        request.setStatus(stillActive ? MedicationRequest.MedicationRequestStatus.ACTIVE
                : MedicationRequest.MedicationRequestStatus.COMPLETED);
        request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        request.addCategory(FhirTypes.concept("http://terminology.hl7.org/CodeSystem/medicationrequest-category",
                "outpatient", "Outpatient"));
        request.setMedication(FhirTypes.concept(drug.code()));
        request.setSubject(FhirTypes.ref(patientRef));
        request.setEncounter(FhirTypes.ref(encounterRef));
        request.setAuthoredOnElement(FhirTypes.dateTime(authored));
        request.setRequester(FhirTypes.ref("Practitioner/" + prescriber.id(), prescriber.displayName()));
        request.addReasonReference(FhirTypes.ref(reasonRef));
        request.setCourseOfTherapyType(drug.chronic()
                ? FhirTypes.concept("http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy",
                        "continuous", "Continuous long term therapy")
                : FhirTypes.concept("http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy",
                        "acute", "Short course (acute) therapy"));
        Dosage dosage = request.addDosageInstruction().setSequence(1).setText(drug.instructions());
        dosage.setTiming(new Timing().setRepeat(new Timing.TimingRepeatComponent()
                .setFrequency(drug.timesPerDay()).setPeriod(1).setPeriodUnit(Timing.UnitsOfTime.D)));
        dosage.setAsNeeded(new BooleanType(drug.asNeeded()));
        dosage.setRoute(FhirTypes.concept(drug.route()));
        dosage.addDoseAndRate().setDose(FhirTypes.quantity(drug.unitsPerDose(), 0, drug.doseUnit(),
                drug.doseUnit().replaceAll("[{}]", "")));
        LocalDate start = authored.toLocalDate();
        request.getDispenseRequest()
                .setValidityPeriod(new Period().setStartElement(FhirTypes.dateOnly(start))
                        .setEndElement(FhirTypes.dateOnly(start.plusYears(drug.chronic() ? 1 : 0).plusDays(30))))
                .setNumberOfRepeatsAllowed(drug.chronic() ? 3 : 0)
                .setQuantity(FhirTypes.quantity(drug.dispenseQuantity(), 0, drug.dispenseUnit(),
                        drug.dispenseUnit().replaceAll("[{}]", "")))
                .setExpectedSupplyDuration((Duration) new Duration().setValue(drug.daysSupply()).setUnit("days")
                        .setSystem(ClinicalCatalog.UCUM).setCode("d"));
        return request;
    }

    AllergyIntolerance allergy(AllergyOnset allergy, LocalDateTime recorded, String encounterRef,
                               Clinician recorder) {
        AllergyIntolerance resource = new AllergyIntolerance();
        resource.setClinicalStatus(FhirTypes.concept(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active", "Active"));
        resource.setVerificationStatus(FhirTypes.concept(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "confirmed", "Confirmed"));
        resource.setType(AllergyIntolerance.AllergyIntoleranceType.ALLERGY);
        resource.addCategory(AllergyIntolerance.AllergyIntoleranceCategory.fromCode(allergy.allergen().category));
        resource.setCriticality(allergy.anaphylactic() ? AllergyIntolerance.AllergyIntoleranceCriticality.HIGH
                : AllergyIntolerance.AllergyIntoleranceCriticality.LOW);
        resource.setCode(FhirTypes.concept(allergy.allergen().substance));
        resource.setPatient(FhirTypes.ref(patientRef));
        resource.setEncounter(FhirTypes.ref(encounterRef));
        resource.setOnset(FhirTypes.dateOnly(allergy.onset()));
        resource.setRecordedDateElement(FhirTypes.dateTime(recorded));
        resource.setRecorder(FhirTypes.ref("Practitioner/" + recorder.id(), recorder.displayName()));
        resource.addReaction().addManifestation(FhirTypes.concept(allergy.reaction()))
                .setSeverity(allergy.anaphylactic() ? AllergyIntolerance.AllergyIntoleranceSeverity.SEVERE
                        : AllergyIntolerance.AllergyIntoleranceSeverity.MODERATE);
        return resource;
    }

    Immunization immunization(Vaccine vaccine, LocalDateTime given, String encounterRef, Clinician clinician,
                              boolean infant, boolean leftSide, String lotNumber) {
        Immunization immunization = new Immunization();
        immunization.setStatus(Immunization.ImmunizationStatus.COMPLETED);
        immunization.setVaccineCode(FhirTypes.concept(vaccine.code));
        immunization.setPatient(FhirTypes.ref(patientRef));
        immunization.setEncounter(FhirTypes.ref(encounterRef));
        immunization.setOccurrence(FhirTypes.dateTime(given));
        immunization.setRecordedElement(FhirTypes.dateTime(given));
        immunization.setPrimarySource(true);
        immunization.setLocation(FhirTypes.ref("Location/" + clinician.siteId()));
        immunization.setLotNumber(lotNumber);
        immunization.setExpirationDateElement(FhirTypes.date(given.toLocalDate().plusMonths(9)));
        if (vaccine.route != Route.ORAL) {
            String site = infant ? (leftSide ? "LT" : "RT") : (leftSide ? "LD" : "RD");
            String siteDisplay = infant ? (leftSide ? "left thigh" : "right thigh")
                    : (leftSide ? "left deltoid" : "right deltoid");
            immunization.setSite(FhirTypes.concept("http://terminology.hl7.org/CodeSystem/v3-ActSite", site,
                    siteDisplay));
        }
        immunization.setRoute(FhirTypes.concept("http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration",
                vaccine.route.code, vaccine.route.display));
        immunization.setDoseQuantity(FhirTypes.quantity(vaccine.doseMl, 1, "mL", "mL"));
        immunization.addPerformer()
                .setFunction(FhirTypes.concept("http://terminology.hl7.org/CodeSystem/v2-0443", "AP",
                        "Administering Provider"))
                .setActor(FhirTypes.ref("Practitioner/" + clinician.id(), clinician.displayName()));
        return immunization;
    }
}
