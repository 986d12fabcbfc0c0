package health.salus.crypto.rotation;

import health.salus.crypto.DataKeysCreated;
import health.salus.crypto.keys.DataKeys;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One background thread per node: polls for rotations to work on (started here or on another node,
 * or left unfinished by a crash) and reports newly created data keys as one event per period.
 */
@Component
class CryptoBackground {

    private static final Logger log = LoggerFactory.getLogger(CryptoBackground.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "salus-crypto-background");
        thread.setDaemon(true);
        return thread;
    });
    private final RotationWorker worker;
    private final DataKeys keys;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration reportInterval;

    CryptoBackground(RotationWorker worker, DataKeys keys, ApplicationEventPublisher events, Clock clock,
            @Value("${salus.crypto.rotation.poll-interval:10s}") Duration pollInterval,
            @Value("${salus.crypto.key-report-interval:30s}") Duration reportInterval) {
        this.worker = worker;
        this.keys = keys;
        this.events = events;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.reportInterval = reportInterval;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        executor.scheduleWithFixedDelay(this::rotate, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::reportCreatedKeys, reportInterval.toMillis(), reportInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Work on a rotation now rather than at the next poll. */
    void kick() {
        executor.execute(this::rotate);
    }

    private void rotate() {
        try {
            worker.runPending();
        } catch (RuntimeException e) {
            // retried at the next poll; the class says enough and the message could quote a value
            log.error("Key rotation step failed ({}); retrying at the next poll", e.getClass().getName());
        }
    }

    private void reportCreatedKeys() {
        try {
            List<Long> created = keys.drainCreated();
            if (!created.isEmpty()) {
                events.publishEvent(new DataKeysCreated(created, clock.instant()));
            }
        } catch (RuntimeException e) {
            log.error("Reporting new data keys failed ({})", e.getClass().getName());
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
