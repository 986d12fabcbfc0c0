package health.salus.scheduling.noshow;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Predicts no-shows with the newest stored model. Until the clinic has enough history of its own a
 * model trained on the synthetic benchmark clinic is stored as version 1 (source {@code synthetic}),
 * so risk is available from the first day; the weekly retraining replaces it once real history suffices.
 */
@Service
public class NoShowPredictor {

    private static final Logger log = LoggerFactory.getLogger(NoShowPredictor.class);

    private final NoShowModels models;
    private final NoShowProperties properties;
    private final Clock clock;
    private final AtomicReference<NoShowModel> cached = new AtomicReference<>();

    NoShowPredictor(NoShowModels models, NoShowProperties properties, Clock clock) {
        this.models = models;
        this.properties = properties;
        this.clock = clock;
    }

    public Prediction predict(NoShowFeatures features) {
        return currentModel().orElseThrow(() -> new IllegalStateException("no no-show model has been trained yet"))
                .predict(features);
    }

    /** The newest model; trains and stores the synthetic bootstrap when there is none and that is allowed. */
    public Optional<NoShowModel> currentModel() {
        // one small query per prediction; the model itself is parsed only when a new version appeared
        Optional<Long> newest = models.latestVersion();
        NoShowModel known = cached.get();
        if (newest.isPresent() && known != null && known.version() == newest.get()) {
            return Optional.of(known);
        }
        if (newest.isPresent()) {
            return models.version(newest.get()).map(this::remember);
        }
        if (!properties.bootstrapFromSynthetic()) {
            return Optional.empty();
        }
        synchronized (this) {
            Optional<NoShowModel> again = models.latest();
            if (again.isPresent()) {
                return again.map(this::remember);
            }
            NoShowModel bootstrap = models.add(NoShowBenchmark.benchmarkModel(clock.instant()));
            log.info("No-show model bootstrapped from synthetic history: version={} auc={}", bootstrap.version(),
                    bootstrap.evaluation().auc());
            return Optional.of(remember(bootstrap));
        }
    }

    public double highRiskThreshold() {
        return properties.highRiskThreshold();
    }

    private NoShowModel remember(NoShowModel model) {
        cached.set(model);
        return model;
    }
}
