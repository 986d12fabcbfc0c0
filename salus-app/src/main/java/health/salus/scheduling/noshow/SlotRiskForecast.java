package health.salus.scheduling.noshow;

import health.salus.security.SystemAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * A patient's no-show risk for appointments not booked yet (candidate slots), with the current model.
 * The patient's own history is read as the caller, so the access policy decides whether it may be
 * read at all; practitioners' histories feed only their no-show rate (an aggregate over other
 * patients) and are read as Salus, limited to the model's training window.
 */
@Service
public class SlotRiskForecast {

    private static final String CANDIDATE_ID = "candidate";

    private final SystemAccess systemAccess;
    private final AppointmentHistory history;
    private final NoShowPredictor predictor;
    private final NoShowProperties properties;
    private final Clock clock;

    SlotRiskForecast(SystemAccess systemAccess, AppointmentHistory history, NoShowPredictor predictor,
            NoShowProperties properties, Clock clock) {
        this.systemAccess = systemAccess;
        this.history = history;
        this.predictor = predictor;
        this.properties = properties;
        this.clock = clock;
    }

    /** The patient's appointments, read as the caller (a refusal is the store's 403). */
    public List<AppointmentRecord> patientHistory(String patientId) {
        return history.ofPatient(patientId);
    }

    /** A forecaster for candidates with these practitioners; empty when no model exists yet. */
    public Optional<Forecaster> forecaster(String patientId, List<AppointmentRecord> patientHistory,
            Set<String> practitionerIds) {
        return predictor.currentModel().map(model -> {
            Instant since = clock.instant().minus(properties.trainingWindow());
            Map<String, List<AppointmentRecord>> byPractitioner = new HashMap<>();
            // sorted, so the reads (and their audit entries) come in the same order every time
            systemAccess.run("no-show slot forecast", () -> new TreeSet<>(practitionerIds)
                    .forEach(id -> byPractitioner.put(id, history.ofPractitionerSince(id, since))));
            return new Forecaster(model, patientId, patientHistory, byPractitioner, predictor.highRiskThreshold(),
                    properties, clock.instant());
        });
    }

    /** Predicts one patient's risk for candidate slots as of one moment (booking now). */
    public static final class Forecaster {

        private final NoShowModel model;
        private final String patientId;
        private final List<AppointmentRecord> patientHistory;
        private final Map<String, List<AppointmentRecord>> practitionerHistories;
        private final double highRiskThreshold;
        private final NoShowProperties properties;
        private final Instant now;
        private final Map<String, List<AppointmentRecord>> merged = new HashMap<>();

        Forecaster(NoShowModel model, String patientId, List<AppointmentRecord> patientHistory,
                Map<String, List<AppointmentRecord>> practitionerHistories, double highRiskThreshold,
                NoShowProperties properties, Instant now) {
            this.model = model;
            this.patientId = patientId;
            this.patientHistory = List.copyOf(patientHistory);
            this.practitionerHistories = Map.copyOf(practitionerHistories);
            this.highRiskThreshold = highRiskThreshold;
            this.properties = properties;
            this.now = now;
        }

        public Prediction risk(String practitionerId, Instant start, Duration duration, String visitType) {
            AppointmentRecord candidate = new AppointmentRecord(CANDIDATE_ID, patientId, practitionerId, start,
                    properties.clinicZone(), now, duration, VisitTypes.normalise(visitType),
                    AppointmentRecord.Outcome.OPEN);
            return model.predict(model.featureExtractor().featuresAt(candidate, historyWith(practitionerId), now));
        }

        /** The patient's and the practitioner's appointments, each once (a shared visit is in both). */
        private List<AppointmentRecord> historyWith(String practitionerId) {
            return merged.computeIfAbsent(practitionerId, id -> {
                Map<String, AppointmentRecord> known = new LinkedHashMap<>();
                patientHistory.forEach(a -> known.put(a.appointmentId(), a));
                practitionerHistories.getOrDefault(id, List.of()).forEach(a -> known.put(a.appointmentId(), a));
                return new ArrayList<>(known.values());
            });
        }

        public double highRiskThreshold() {
            return highRiskThreshold;
        }
    }
}
