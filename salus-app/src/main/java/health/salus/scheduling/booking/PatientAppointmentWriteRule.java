package health.salus.scheduling.booking;

import health.salus.fhir.ResourceRule;
import health.salus.security.CurrentSubject;
import health.salus.security.Role;
import health.salus.security.Subject;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ResourceType;
import org.springframework.stereotype.Component;

/**
 * Patients (and family members) may book, move and cancel their own appointments, but only through
 * {@code /api/appointments}: there the time is taken in the reservation table in the same transaction,
 * and only the changes a patient may make are offered. A bare FHIR write of an Appointment by them
 * would skip both, so the store refuses it (422).
 */
@Component
class PatientAppointmentWriteRule implements ResourceRule {

    private static final Set<Role> PATIENT_SIDE = Set.of(Role.PATIENT, Role.PROXY);
    private final CurrentSubject subjects;

    PatientAppointmentWriteRule(CurrentSubject subjects) {
        this.subjects = subjects;
    }

    @Override
    public List<Violation> check(Resource resource) {
        if (resource.getResourceType() != ResourceType.Appointment || SchedulingWrites.active()
                || !subjects.current().map(PatientAppointmentWriteRule::patientSide).orElse(false)) {
            return List.of();
        }
        return List.of(new Violation("Appointment", "Patients book, move and cancel appointments through "
                + "/api/appointments, which keeps the schedule free of double bookings"));
    }

    /** A person acting only as a patient or a patient's family member, not as staff. */
    static boolean patientSide(Subject subject) {
        return subject.kind() == Subject.Kind.USER && !subject.roles().isEmpty()
                && PATIENT_SIDE.containsAll(subject.roles());
    }
}
