package health.salus.scheduling.noshow;

import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/**
 * The coordinator's work item for a high-risk appointment: call the patient to confirm. A FHIR Task
 * for the patient, focused on the appointment, for the care-coordinator role, due before it starts.
 */
final class ConfirmationCallTask {

    static final String CODE_SYSTEM = "http://salus.health/fhir/CodeSystem/care-task";
    static final String CODE = "confirm-appointment-call";
    private static final String SNOMED = "http://snomed.info/sct";

    private ConfirmationCallTask() {
    }

    /** The conditional-create search that finds this appointment's task, so it is made only once. */
    static String condition(String appointmentId) {
        return "focus=Appointment/" + appointmentId + "&code=" + CODE_SYSTEM + "|" + CODE;
    }

    static Task forAppointment(AppointmentRecord appointment, Prediction prediction, Instant now) {
        Task task = new Task();
        task.setStatus(Task.TaskStatus.REQUESTED);
        task.setIntent(Task.TaskIntent.ORDER);
        task.setPriority(Task.TaskPriority.ROUTINE);
        task.setCode(new CodeableConcept(new Coding(CODE_SYSTEM, CODE, "Call patient to confirm appointment")));
        task.setDescription(String.format(Locale.ROOT,
                "Call the patient to confirm: no-show risk %.0f %% (model v%d); main factors: %s",
                prediction.probability() * 100, prediction.modelVersion(),
                prediction.topFeatures().isEmpty() ? "none stand out" : String.join(", ", prediction.topFeatures())));
        task.setFocus(new Reference("Appointment/" + appointment.appointmentId()));
        task.setFor(new Reference("Patient/" + appointment.patientId()));
        task.setAuthoredOn(Date.from(now));
        task.addPerformerType(new CodeableConcept(new Coding(SNOMED, "768820003", "Care coordinator")));
        task.setRestriction(new Task.TaskRestrictionComponent()
                .setPeriod(new Period().setEnd(Date.from(appointment.start()))));
        return task;
    }
}
