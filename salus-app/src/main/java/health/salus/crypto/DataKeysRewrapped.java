package health.salus.crypto;

import java.time.Instant;

/** A rotation re-wrapped every data key under the KEK's current primary key. */
public record DataKeysRewrapped(String rotationId, String kekId, int dataKeys, Instant at) {
}
