package health.salus.demo;

import health.salus.demo.ClinicDirectory.Clinician;
import health.salus.demo.ClinicDirectory.Site;
import health.salus.demo.ClinicalCatalog.Code;
import health.salus.demo.Visit.Outcome;
import java.util.Optional;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Period;

/** Appointments (whatever their outcome) and the ambulatory encounters of the kept ones. */
final class EncounterWriter {

    private final ClinicDirectory directory;

    EncounterWriter(ClinicDirectory directory) {
        this.directory = directory;
    }

    Appointment appointment(Visit visit, String patientRef, String patientName, boolean cancelledByPatient) {
        Clinician clinician = visit.clinician();
        Site site = directory.site(clinician.siteId());
        Appointment appointment = new Appointment();
        appointment.setStatus(Appointment.AppointmentStatus.fromCode(visit.outcome().appointmentStatus));
        if (visit.outcome() == Outcome.CANCELLED) {
            appointment.setCancelationReason(cancelledByPatient
                    ? FhirTypes.concept("http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason", "pat",
                            "Patient")
                    : FhirTypes.concept("http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason",
                            "prov-pers", "Provider: Personal"));
        }
        appointment.addServiceType(serviceType(clinician));
        appointment.addSpecialty(FhirTypes.concept(clinician.specialty().practiceCode));
        appointment.setAppointmentType(FhirTypes.concept("http://terminology.hl7.org/CodeSystem/v2-0276",
                visit.kind().appointmentType, appointmentTypeDisplay(visit.kind().appointmentType)));
        reason(visit).ifPresent(reason -> appointment.addReasonCode(FhirTypes.concept(reason)));
        appointment.setDescription(visit.kind().encounterType.display().replace(" (procedure)", ""));
        appointment.setStartElement(FhirTypes.instant(visit.start()));
        appointment.setEndElement(FhirTypes.instant(visit.end()));
        appointment.setMinutesDuration(visit.kind().minutes);
        appointment.setCreatedElement(FhirTypes.dateOnly(visit.bookedOn()));
        ParticipationStatus patientStatus = visit.outcome() == Outcome.CANCELLED && cancelledByPatient
                ? ParticipationStatus.DECLINED : ParticipationStatus.ACCEPTED;
        appointment.addParticipant().setActor(FhirTypes.ref(patientRef, patientName))
                .setRequired(Appointment.ParticipantRequired.REQUIRED).setStatus(patientStatus);
        appointment.addParticipant().setActor(FhirTypes.ref("Practitioner/" + clinician.id(), clinician.displayName()))
                .setRequired(Appointment.ParticipantRequired.REQUIRED).setStatus(ParticipationStatus.ACCEPTED);
        appointment.addParticipant().setActor(FhirTypes.ref("Location/" + site.id(), site.name()))
                .setRequired(Appointment.ParticipantRequired.REQUIRED).setStatus(ParticipationStatus.ACCEPTED);
        return appointment;
    }

    Encounter encounter(Visit visit, String patientRef, String patientName, String appointmentRef) {
        Clinician clinician = visit.clinician();
        Site site = directory.site(clinician.siteId());
        Period period = new Period().setStartElement(FhirTypes.dateTime(visit.start()))
                .setEndElement(FhirTypes.dateTime(visit.end()));
        Encounter encounter = new Encounter();
        encounter.setStatus(Encounter.EncounterStatus.FINISHED);
        encounter.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
        encounter.addType(FhirTypes.concept(visit.kind().encounterType));
        encounter.setServiceType(serviceType(clinician));
        encounter.setSubject(FhirTypes.ref(patientRef, patientName));
        encounter.addParticipant()
                .addType(FhirTypes.concept("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "PPRF",
                        "primary performer"))
                .setPeriod(period.copy())
                .setIndividual(FhirTypes.ref("Practitioner/" + clinician.id(), clinician.displayName()));
        encounter.addAppointment(FhirTypes.ref(appointmentRef));
        encounter.setPeriod(period);
        reason(visit).ifPresent(reason -> encounter.addReasonCode(FhirTypes.concept(reason)));
        encounter.addLocation().setLocation(FhirTypes.ref("Location/" + site.id(), site.name()))
                .setStatus(Encounter.EncounterLocationStatus.COMPLETED);
        encounter.setServiceProvider(FhirTypes.ref("Organization/" + clinician.organizationId()));
        return encounter;
    }

    private static Optional<Code> reason(Visit visit) {
        if (visit.illness().isPresent()) {
            return Optional.of(visit.illness().get().snomed);
        }
        return visit.focus().map(problem -> problem.snomed);
    }

    private static CodeableConcept serviceType(Clinician clinician) {
        return FhirTypes.concept("http://terminology.hl7.org/CodeSystem/service-type",
                clinician.specialty().serviceTypeCode, clinician.specialty().serviceTypeDisplay);
    }

    private static String appointmentTypeDisplay(String code) {
        return switch (code) {
            case "CHECKUP" -> "A routine check-up, such as an annual physical";
            case "FOLLOWUP" -> "A follow up visit from a previous appointment";
            case "WALKIN" -> "A previously unscheduled walk-in visit";
            default -> "Routine appointment - default if not valued";
        };
    }
}
