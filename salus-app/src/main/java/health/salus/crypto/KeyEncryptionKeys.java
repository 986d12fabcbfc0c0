package health.salus.crypto;

/**
 * The key-encryption key: a KMS port. It wraps and unwraps data keys and never hands out key
 * material. An implementation may hold several keys: the primary wraps, any of them unwraps, which
 * is how the KEK itself is rotated (add a new primary, re-wrap, then remove the old key).
 */
public interface KeyEncryptionKeys {

    /** @param associatedData binds the wrapped key to its owner and version, so it cannot be swapped */
    Wrapped wrap(byte[] dataKey, byte[] associatedData);

    /** @throws IllegalStateException when no key of this KEK can unwrap it (message without key material) */
    byte[] unwrap(byte[] wrapped, byte[] associatedData);

    /** The id of the key that wraps now. */
    String primaryKeyId();

    /** Re-reads the keys from their source (a new primary takes effect); a no-op where they cannot change. */
    default void refresh() {
    }

    record Wrapped(byte[] bytes, String kekId) {
    }
}
