package health.salus.crypto;

import java.time.Instant;

/** Someone started a key rotation (re-wrap, new data key versions, re-seal of every stored body). */
public record KeyRotationStarted(String rotationId, String actorId, Instant at) {
}
