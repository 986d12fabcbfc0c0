package health.salus.crypto.kek;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import health.salus.crypto.KeyEncryptionKeys;
import java.security.GeneralSecurityException;
import java.util.function.Supplier;

/**
 * The KEK as a Tink keyset in JSON (a file, or the bundled demo key). Tink prefixes each ciphertext
 * with the id of the key that made it, so every key in the set unwraps what it wrapped while only
 * the primary wraps: adding a new primary and re-wrapping is a KEK rotation.
 */
public final class TinkKeysetKeyEncryptionKeys implements KeyEncryptionKeys {

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private record Loaded(Aead aead, String primaryKeyId, java.util.Set<String> keyIds) {
    }

    private final Supplier<String> source;
    private volatile Loaded loaded;

    /** @param source reads the keyset JSON (again on {@link #refresh()}) */
    public TinkKeysetKeyEncryptionKeys(Supplier<String> source) {
        this.source = source;
        this.loaded = load(source.get());
    }

    private static Loaded load(String json) {
        try {
            KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (int i = 0; i < keyset.size(); i++) {
                ids.add(Integer.toUnsignedString(keyset.getAt(i).getId()));
            }
            return new Loaded(keyset.getPrimitive(RegistryConfiguration.get(), Aead.class),
                    Integer.toUnsignedString(keyset.getPrimary().getId()), java.util.Set.copyOf(ids));
        } catch (GeneralSecurityException | RuntimeException e) {
            // never echo the keyset: the message of a parse error may quote it
            throw new IllegalStateException("The key-encryption keyset is not a valid Tink AEAD keyset in JSON");
        }
    }

    @Override
    public Wrapped wrap(byte[] dataKey, byte[] associatedData) {
        Loaded kek = loaded;
        try {
            return new Wrapped(kek.aead().encrypt(dataKey, associatedData), kek.primaryKeyId());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The key-encryption key could not wrap a data key");
        }
    }

    @Override
    public byte[] unwrap(byte[] wrapped, byte[] associatedData) {
        try {
            return loaded.aead().decrypt(wrapped, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No key of the key-encryption keyset unwraps this data key "
                    + "(was a KEK removed before its keys were re-wrapped?)");
        }
    }

    @Override
    public String primaryKeyId() {
        return loaded.primaryKeyId();
    }

    /** Whether the set holds a key with this id (the demo key's, for instance). */
    public boolean contains(String keyId) {
        return loaded.keyIds().contains(keyId);
    }

    @Override
    public void refresh() {
        loaded = load(source.get());
    }
}
