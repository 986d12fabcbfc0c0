package health.salus.workspace.coordinator;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import health.salus.fhir.ResourceStore;
import health.salus.fhir.SearchRequest;
import health.salus.scheduling.booking.Appointments;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The confirmation calls the no-show model asks for: FHIR Tasks coded {@code confirm-appointment-call},
 * focused on the appointment, due when it starts. Read and written through the store as the signed-in
 * user, so the policy decides and every change is audited. A Task is in no patient's compartment in R4,
 * so the policy's "patients in their care" does not limit it: a call is shown and worked only when the user
 * may read its patient (the store's answer), which keeps other patients' names and phones and calls off
 * the list. A call ends confirmed
 * (the task completed, the visit kept), unanswered (the task stays open with a note per attempt) or
 * cancelled by the patient (the visit cancelled through scheduling's booking service, which releases its
 * time and reminders, and the task completed, in one transaction).
 */
@Service
class ConfirmationCalls {

    /** the no-show model's task code (scheduling's {@code ConfirmationCallTask}) */
    static final String CODE_SYSTEM = "http://salus.health/fhir/CodeSystem/care-task";
    static final String CODE = "confirm-appointment-call";
    static final String NO_ANSWER = "No answer";
    static final String CONFIRMED = "Confirmed by phone";
    static final String CANCELLED = "Patient cancelled";
    /** appointment-cancellation-reason: the patient cancelled */
    static final String PATIENT_CANCELLED = "pat";
    private static final int MAX_TASKS = 200;

    private final ResourceStore store;
    private final Appointments appointments;
    private final Clock clock;

    ConfirmationCalls(ResourceStore store, Appointments appointments, Clock clock) {
        this.store = store;
        this.appointments = appointments;
        this.clock = clock;
    }

    /** A call to make: who, about which appointment, by when, and how often nobody answered. */
    record CallTask(String taskId, Patient patient, String appointmentId, Optional<Instant> due, String description,
            int attempts, Optional<Instant> lastAttempt) {

        static CallTask of(Task task, Patient patient) {
            List<Annotation> misses = task.getNote().stream().filter(n -> NO_ANSWER.equals(n.getText())).toList();
            return new CallTask(task.getIdElement().getIdPart(), patient,
                    idOf(task.getFocus(), "Appointment").orElse(""),
                    Optional.ofNullable(task.getRestriction().getPeriod().getEnd()).map(Date::toInstant),
                    Optional.ofNullable(task.getDescription()).orElse(""), misses.size(),
                    misses.stream().map(Annotation::getTime).filter(t -> t != null).map(Date::toInstant)
                            .max(Comparator.naturalOrder()));
        }
    }

    /** Open calls (requested, or tried and still open) of patients the user may see, soonest due first. */
    List<CallTask> open() {
        return store.search(new SearchRequest("Task", Map.of("code", List.of(CODE_SYSTEM + "|" + CODE),
                        "status", List.of("requested,in-progress"), "_count", List.of(String.valueOf(MAX_TASKS)))))
                .matches().stream().map(resource -> (Task) resource)
                .flatMap(task -> readablePatient(task).map(patient -> CallTask.of(task, patient)).stream())
                .sorted(Comparator.comparing((CallTask call) -> call.due().orElse(Instant.MAX))
                        .thenComparing(CallTask::taskId))
                .toList();
    }

    /** The patient confirmed: the call is done and the appointment stays as booked. */
    void confirmed(String taskId) {
        Task task = openTask(taskId);
        complete(task, CONFIRMED);
    }

    /** Nobody answered: the call stays open (in progress), with a note recording this attempt. */
    void noAnswer(String taskId) {
        Task task = openTask(taskId);
        task.setStatus(Task.TaskStatus.INPROGRESS);
        note(task, NO_ANSWER);
        write(task);
    }

    /** The patient cancelled on the phone: the appointment is cancelled and the call done, or neither. */
    @Transactional
    void patientCancelled(String taskId) {
        Task task = openTask(taskId);
        String appointmentId = idOf(task.getFocus(), "Appointment")
                .orElseThrow(() -> new ResourceNotFoundException("The call names no appointment"));
        appointments.changeStatus(appointmentId, AppointmentStatus.CANCELLED, Optional.of(PATIENT_CANCELLED));
        complete(task, CANCELLED);
    }

    private void complete(Task task, String outcome) {
        task.setStatus(Task.TaskStatus.COMPLETED);
        task.setBusinessStatus(new CodeableConcept().setText(outcome));
        note(task, outcome);
        write(task);
    }

    private void note(Task task, String text) {
        task.addNote(new Annotation().setText(text).setTime(Date.from(clock.instant())));
        task.setLastModified(Date.from(clock.instant()));
    }

    /** Written against the version read, so two coordinators working the same call cannot both win. */
    private void write(Task task) {
        store.update(task, Optional.of(task.getIdElement().getVersionIdPartAsLong()));
    }

    /** The call as the user may read it (the store refuses others); a closed or foreign task is refused. */
    private Task openTask(String taskId) {
        Task task = (Task) store.read("Task", taskId);
        boolean isCall = task.getCode().getCoding().stream()
                .anyMatch(c -> CODE_SYSTEM.equals(c.getSystem()) && CODE.equals(c.getCode()));
        if (!isCall) {
            throw new ResourceNotFoundException("No such confirmation call");
        }
        // refused (403, audited by the store) unless the patient is one the user may see
        store.read("Patient", idOf(task.getFor(), "Patient")
                .orElseThrow(() -> new ResourceNotFoundException("The call names no patient")));
        if (task.getStatus() != Task.TaskStatus.REQUESTED && task.getStatus() != Task.TaskStatus.INPROGRESS) {
            throw new CallClosedException();
        }
        return task;
    }

    private Optional<Patient> readablePatient(Task task) {
        return idOf(task.getFor(), "Patient").flatMap(id -> {
            try {
                return Optional.of((Patient) store.read("Patient", id));
            } catch (ForbiddenOperationException | ResourceNotFoundException notTheirs) {
                return Optional.empty();
            }
        });
    }

    static Optional<String> idOf(Reference reference, String resourceType) {
        String value = reference == null ? null : reference.getReference();
        if (value == null || !value.startsWith(resourceType + "/")) {
            return Optional.empty();
        }
        return Optional.of(value.substring(resourceType.length() + 1).replaceAll("/_history/.*$", ""));
    }

    /** Someone closed the call first. */
    static class CallClosedException extends RuntimeException {
        CallClosedException() {
            super("This call is already closed");
        }
    }
}
