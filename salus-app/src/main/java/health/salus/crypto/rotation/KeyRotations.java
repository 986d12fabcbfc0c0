package health.salus.crypto.rotation;

import health.salus.crypto.KeyEncryptionKeys;
import health.salus.crypto.KeyRotationStarted;
import health.salus.fhir.StoredBodies;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Starts key rotations and reports their progress; {@link RotationWorker} does the work in the background. */
@Service
public class KeyRotations {

    private final RotationJobs jobs;
    private final StoredBodies bodies;
    private final KeyEncryptionKeys kek;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CryptoBackground background;

    KeyRotations(RotationJobs jobs, StoredBodies bodies, KeyEncryptionKeys kek, ApplicationEventPublisher events,
            Clock clock, CryptoBackground background) {
        this.jobs = jobs;
        this.bodies = bodies;
        this.kek = kek;
        this.events = events;
        this.clock = clock;
        this.background = background;
    }

    /** A rotation is already running; only one at a time. */
    public static final class AlreadyRunning extends RuntimeException {

        private final String rotationId;

        AlreadyRunning(String rotationId) {
            super("Key rotation " + rotationId + " is still running");
            this.rotationId = rotationId;
        }

        public String rotationId() {
            return rotationId;
        }
    }

    public Rotation start(String actorId) {
        jobs.running().stream().findFirst().ifPresent(running -> {
            throw new AlreadyRunning(running.id());
        });
        // the operator has put a new primary into the keyset: wrap with it from now on
        kek.refresh();
        String id = UUID.randomUUID().toString();
        var now = clock.instant();
        jobs.insert(id, actorId, bodies.resourceCount(), now);
        events.publishEvent(new KeyRotationStarted(id, actorId, now));
        background.kick();
        return jobs.find(id).orElseThrow();
    }

    public Optional<Rotation> find(String id) {
        return jobs.find(id);
    }
}
