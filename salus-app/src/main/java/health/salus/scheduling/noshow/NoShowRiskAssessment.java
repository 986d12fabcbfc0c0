package health.salus.scheduling.noshow;

import health.salus.fhir.ResourceStore;
import health.salus.fhir.WriteOutcome;
import health.salus.scheduling.HighNoShowRiskDetected;
import health.salus.security.SystemAccess;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assesses one appointment: features from the patient's and practitioner's history, a prediction by
 * the current model, the prediction stored; at or above the high-risk threshold a coordinator call
 * task (FHIR Task) is created once per appointment and {@link HighNoShowRiskDetected} is published for
 * an extra reminder. Runs as Salus itself: it is triggered by bookings and jobs, not by a person.
 * Called when an appointment is booked or moved ({@code AssessOnBooking}) and daily for the coming days.
 */
@Service
public class NoShowRiskAssessment {

    private final SystemAccess systemAccess;
    private final AppointmentHistory history;
    private final NoShowPredictor predictor;
    private final NoShowPredictions predictions;
    private final ResourceStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NoShowRiskAssessment(SystemAccess systemAccess, AppointmentHistory history, NoShowPredictor predictor,
            NoShowPredictions predictions, ResourceStore store, ApplicationEventPublisher events, Clock clock) {
        this.systemAccess = systemAccess;
        this.history = history;
        this.predictor = predictor;
        this.predictions = predictions;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The appointment's risk, or empty when the model cannot judge it (no patient, practitioner or
     * start, or no model) — its outcome is then simply not predicted.
     */
    @Transactional
    public Optional<Prediction> assess(String appointmentId) {
        return systemAccess.call("no-show risk assessment", () -> history.read(appointmentId)
                .flatMap(appointment -> predictor.currentModel().map(model -> assess(appointment, model))));
    }

    private Prediction assess(AppointmentRecord appointment, NoShowModel model) {
        Instant now = clock.instant();
        // outcomes known by now, but never any from after the appointment itself
        Instant asOf = now.isBefore(appointment.start()) ? now : appointment.start();
        NoShowFeatures features = model.featureExtractor().featuresAt(appointment, history.around(appointment), asOf);
        Prediction prediction = model.predict(features);
        boolean highRisk = prediction.atLeast(predictor.highRiskThreshold());
        Optional<String> task = Optional.empty();
        if (highRisk && appointment.outcome() == AppointmentRecord.Outcome.OPEN) {
            WriteOutcome written = store.create(ConfirmationCallTask.forAppointment(appointment, prediction, now),
                    Optional.of(ConfirmationCallTask.condition(appointment.appointmentId())));
            task = Optional.of(written.resource().getIdElement().getIdPart());
            // once per appointment: a re-assessment that finds the task already there asks for no second reminder
            if (written.created()) {
                events.publishEvent(new HighNoShowRiskDetected(appointment.appointmentId(), appointment.patientId(),
                        prediction.probability(), prediction.modelVersion()));
            }
        }
        predictions.save(appointment.appointmentId(), appointment.patientId(), prediction, highRisk, task, now);
        return prediction;
    }
}
