package health.salus.workspace.coordinator;

import health.salus.fhir.ResourceStore;
import health.salus.patients.mpi.review.DuplicateReviews;
import health.salus.security.SystemAccess;
import health.salus.workspace.frontdesk.DeskClinic;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

/**
 * Data for the care coordinator's tests, written as Salus itself: a coordinator (a Practitioner) on the
 * care team of the patients they work with, pairs of records queued for duplicate review, and booked
 * appointments with the confirmation-call Task the no-show model would create. Names are synthetic and
 * unique per call (the tests share one database).
 */
final class CoordinatorClinic {

    private final DeskClinic desk;
    private final ResourceStore store;
    private final SystemAccess system;
    private final DuplicateReviews reviews;
    final String coordinator;
    final String site;
    final String provider;

    CoordinatorClinic(DeskClinic desk, ResourceStore store, SystemAccess system, DuplicateReviews reviews) {
        this.desk = desk;
        this.store = store;
        this.system = system;
        this.reviews = reviews;
        this.coordinator = create(new Practitioner().addName(new HumanName().setFamily("Coordwell").addGiven("Cora")));
        this.site = desk.site("Lakeside Clinic");
        this.provider = desk.provider(site, "Ana", "Okafor");
    }

    /** A pair: one registered at the desk, one created again with a nickname, another phone and an e-mail. */
    record Pair(String reviewId, String onFile, String onFileName, String newRecord, String newName, String family) {
    }

    Pair duplicatePair() {
        DeskClinic.Person person = desk.person();
        String onFile = desk.register(person);
        Patient again = new Patient();
        again.addName(new HumanName().setFamily(person.family()).addGiven("Beth"));
        again.setBirthDateElement(new DateType(person.birthDate()));
        again.setGender(Enumerations.AdministrativeGender.FEMALE);
        again.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("(555) 555-0199");
        again.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("beth@example.org");
        again.addAddress().addLine(person.street()).setCity("Springfield").setState("IL").setPostalCode("62701");
        again.addIdentifier(new Identifier().setSystem("urn:salus:test:mrn").setValue("TST" + person.family().toUpperCase())
                .setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0203", "MR", "MRN"))));
        String newRecord = create(again);
        inCare(onFile);
        inCare(newRecord);
        String reviewId = system.call("test", () -> reviews.queue(newRecord, onFile, 9.5,
                List.of("birthDate", "family", "given")));
        return new Pair(reviewId, onFile, person.given() + " " + person.family(), newRecord,
                "Beth " + person.family(), person.family());
    }

    /** A patient in the coordinator's care, booked a week ahead at {@code localTime}, with their call to make. */
    record Call(String taskId, String patientId, String patientName, String phone, String appointmentId,
            LocalDate day) {
    }

    Call highRiskAppointment(String localTime) {
        DeskClinic.Person person = desk.person();
        String patient = desk.register(person);
        inCare(patient);
        LocalDate day = DeskClinic.nextWeek();
        var appointment = desk.book(patient, provider, site, day, localTime);
        Task task = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER)
                .setCode(new CodeableConcept(new Coding(ConfirmationCalls.CODE_SYSTEM, ConfirmationCalls.CODE,
                        "Call patient to confirm appointment")))
                .setDescription("Call the patient to confirm: no-show risk 64 % (model v1); main factors: "
                        + "prior no-shows")
                .setFocus(new Reference("Appointment/" + appointment.id()))
                .setFor(new Reference("Patient/" + patient))
                .setAuthoredOn(new Date());
        task.setRestriction(new Task.TaskRestrictionComponent()
                .setPeriod(new Period().setEnd(Date.from(appointment.start()))));
        return new Call(create(task), patient, person.given() + " " + person.family(), person.phone(),
                appointment.id(), day);
    }

    <T extends Resource> T read(Class<T> type, String id) {
        return system.call("test", () -> type.cast(store.read(type.getSimpleName(), id)));
    }

    private void inCare(String patientId) {
        CareTeam team = new CareTeam().setStatus(CareTeam.CareTeamStatus.ACTIVE).setName("Care coordination")
                .setSubject(new Reference("Patient/" + patientId));
        team.addParticipant().setMember(new Reference("Practitioner/" + coordinator));
        create(team);
    }

    private String create(Resource resource) {
        return system.call("test", () -> store.create(resource, Optional.empty()).resource().getIdElement()
                .getIdPart());
    }
}
