package health.salus.crypto.rotation;

import health.salus.crypto.DataKeysRewrapped;
import health.salus.crypto.KeyEncryptionKeys;
import health.salus.crypto.KeyRotationFinished;
import health.salus.crypto.keys.DataKeys;
import health.salus.fhir.StoredBodies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Works through running rotations one step at a time: re-wrap under the KEK primary, new data key
 * versions for every owner, re-seal every stored body in batches, retire unused versions. Each
 * step is recorded with the lease, so a crash loses at most one batch, which is simply redone.
 */
@Component
class RotationWorker {

    private static final int OWNERS_PER_STEP = 500;

    private final String node = UUID.randomUUID().toString();
    private final RotationJobs jobs;
    private final DataKeys keys;
    private final StoredBodies bodies;
    private final KeyEncryptionKeys kek;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration lease;
    private final int batchSize;

    RotationWorker(RotationJobs jobs, DataKeys keys, StoredBodies bodies, KeyEncryptionKeys kek,
            ApplicationEventPublisher events, Clock clock,
            @Value("${salus.crypto.rotation.lease:2m}") Duration lease,
            @Value("${salus.crypto.rotation.batch-size:200}") int batchSize) {
        this.jobs = jobs;
        this.keys = keys;
        this.bodies = bodies;
        this.kek = kek;
        this.events = events;
        this.clock = clock;
        this.lease = lease;
        this.batchSize = batchSize;
    }

    void runPending() {
        for (Rotation pending : jobs.running()) {
            if (!jobs.claim(pending.id(), node, clock.instant(), clock.instant().plus(lease))) {
                continue;   // another node holds it
            }
            // the rotation may have been started on another node, after a new primary was configured
            kek.refresh();
            Optional<Rotation> current = jobs.find(pending.id());
            while (current.isPresent() && Rotation.RUNNING.equals(current.get().state())) {
                Rotation next = step(current.get());
                current = jobs.advance(next, node, clock.instant().plus(lease)) ? Optional.of(next) : Optional.empty();
            }
        }
    }

    private Rotation step(Rotation r) {
        return switch (r.currentPhase()) {
            case REWRAP -> {
                int rewrapped = keys.rewrapAll();
                events.publishEvent(new DataKeysRewrapped(r.id(), kek.primaryKeyId(), rewrapped, clock.instant()));
                yield with(r, Rotation.Phase.NEW_KEYS, r.rowsDone(), r.bodiesResealed(), r.cursorRow(),
                        rewrapped, r.keysCreated(), 0);
            }
            case NEW_KEYS -> {
                // owners whose newest version predates the rotation; each one created drops out of the list
                List<String> owners = keys.ownersWithKeysOlderThan(r.startedAt(), "", OWNERS_PER_STEP);
                owners.forEach(keys::createVersion);
                if (owners.isEmpty()) {
                    keys.forgetCurrentVersions();
                }
                yield with(r, owners.isEmpty() ? Rotation.Phase.RESEAL : Rotation.Phase.NEW_KEYS, r.rowsDone(),
                        r.bodiesResealed(), r.cursorRow(), r.keysRewrapped(), r.keysCreated() + owners.size(), 0);
            }
            case RESEAL -> {
                StoredBodies.ResealProgress progress = bodies.reseal(r.cursorRow(), batchSize);
                yield with(r, progress.finished() ? Rotation.Phase.RETIRE : Rotation.Phase.RESEAL,
                        r.rowsDone() + progress.resources(), r.bodiesResealed() + progress.bodies(),
                        progress.lastRowId(), r.keysRewrapped(), r.keysCreated(), 0);
            }
            case RETIRE, DONE -> {
                int retired = keys.retireUnused(bodies.keyIdsInUse());
                Instant now = clock.instant();
                long total = Math.max(r.rowsTotal(), r.rowsDone());
                events.publishEvent(new KeyRotationFinished(r.id(), r.rowsDone(), r.bodiesResealed(), retired, now));
                yield new Rotation(r.id(), Rotation.FINISHED, Rotation.Phase.DONE.name(), r.requestedBy(), total,
                        r.rowsDone(), r.bodiesResealed(), r.cursorRow(), r.keysRewrapped(), r.keysCreated(), retired,
                        r.startedAt(), Optional.of(now));
            }
        };
    }

    private static Rotation with(Rotation r, Rotation.Phase phase, long rowsDone, long bodiesResealed, long cursor,
            int rewrapped, int created, int retired) {
        return new Rotation(r.id(), r.state(), phase.name(), r.requestedBy(), r.rowsTotal(), rowsDone, bodiesResealed,
                cursor, rewrapped, created, retired, r.startedAt(), r.finishedAt());
    }
}
