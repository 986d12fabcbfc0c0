package health.salus.crypto.keys;

import com.google.crypto.tink.Aead;
import java.util.Optional;

/**
 * One unwrapped version of a data key, with its AES-256-GCM primitive built once (no keyset parsing
 * per body). A destroyed version has no primitive: it is cached too, so erased rows cost no query.
 */
public record DataKey(long id, String owner, int version, Optional<Aead> aead) {

    static final String PREFIX = "dk:";

    /** What the store keeps in {@code key_id}. */
    public String keyId() {
        return PREFIX + id;
    }

    public boolean destroyed() {
        return aead.isEmpty();
    }

    /** {@code dk:42} → 42; anything else is not one of ours. */
    static Optional<Long> idOf(String keyId) {
        if (keyId == null || !keyId.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(keyId.substring(PREFIX.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
