package health.salus.crypto;

import java.time.Instant;

/** Every stored body was re-sealed with the newest data key versions; unused old versions retired. */
public record KeyRotationFinished(String rotationId, long resources, long bodiesResealed, int keysRetired,
        Instant at) {
}
