package health.salus.crypto.rotation;

import java.time.Instant;
import java.util.Optional;

/** A key rotation as its job row holds it; {@code rowsDone}/{@code rowsTotal} count stored resources. */
public record Rotation(String id, String state, String phase, String requestedBy, long rowsTotal, long rowsDone,
        long bodiesResealed, long cursorRow, int keysRewrapped, int keysCreated, int keysRetired, Instant startedAt,
        Optional<Instant> finishedAt) {

    public static final String RUNNING = "running";
    public static final String FINISHED = "finished";

    /** Re-wrap under the KEK primary, then new data key versions, re-seal every body, retire what is unused. */
    enum Phase { REWRAP, NEW_KEYS, RESEAL, RETIRE, DONE }

    Phase currentPhase() {
        return Phase.valueOf(phase);
    }
}
