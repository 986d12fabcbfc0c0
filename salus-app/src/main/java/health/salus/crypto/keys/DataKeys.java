package health.salus.crypto.keys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.subtle.AesGcmJce;
import health.salus.crypto.KeyEncryptionKeys;
import health.salus.fhir.BodyCodec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Data keys: found, created, unwrapped and cached. Unwrapped keys live only in memory, for a short
 * time (so a key destroyed on another node stops working here within that time) and in bounded
 * number; this node evicts at once what it destroys or supersedes.
 */
@Service
public class DataKeys {

    private static final int KEY_BYTES = 32;

    private final DataKeyRows rows;
    private final KeyEncryptionKeys kek;
    private final DataKeyRows creationRows;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Cache<Long, DataKey> byId;
    private final Cache<String, DataKey> currentByOwner;
    private final Queue<Long> createdSinceLastReport = new ConcurrentLinkedQueue<>();

    DataKeys(DataKeyRows rows, KeyEncryptionKeys kek, KeyCreationPool.Storage creation, Clock clock,
            @Value("${salus.crypto.key-cache.ttl:60s}") Duration ttl,
            @Value("${salus.crypto.key-cache.max-keys:20000}") long maxKeys) {
        this.rows = rows;
        this.kek = kek;
        this.clock = clock;
        // the caller may be inside a store transaction: a new key must commit on its own, at once, so
        // other nodes and a rolled-back caller never see a key that is used but not stored
        this.creationRows = new DataKeyRows(creation.jdbc());
        this.ownTransaction = creation.transaction();
        this.byId = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterWrite(ttl).build();
        this.currentByOwner = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterWrite(ttl).build();
    }

    /** The version that seals new data of this owner, created on first use. */
    public DataKey current(String owner) {
        return currentByOwner.get(owner, o -> rows.newestActive(o).map(this::unwrapped)
                .orElseGet(() -> insertVersion(o)));
    }

    /** A version by id, for opening; a destroyed one comes back without a primitive. */
    public Optional<DataKey> byId(long id) {
        return Optional.ofNullable(byId.get(id, key -> rows.find(key).map(this::unwrapped).orElse(null)));
    }

    /**
     * Creates the owner's next version in its own short transaction. When another thread or node
     * creates the same version first, the unique (owner, version) lets one insert win; the loser
     * re-reads and uses the winner's key.
     */
    public DataKey createVersion(String owner) {
        DataKey created = insertVersion(owner);
        currentByOwner.put(owner, created);
        return created;
    }

    /** Without touching {@code currentByOwner}: it also runs inside that cache's loader. */
    private DataKey insertVersion(String owner) {
        try {
            DataKey created = ownTransaction.execute(status -> {
                int version = creationRows.maxVersion(owner) + 1;
                byte[] key = new byte[KEY_BYTES];
                random.nextBytes(key);
                KeyEncryptionKeys.Wrapped wrapped = kek.wrap(key, Owners.wrapContext(owner, version));
                long id = creationRows.nextId();
                creationRows.insert(new DataKeyRows.Row(id, owner, version, wrapped.bytes(), wrapped.kekId(),
                        DataKeyRows.ACTIVE, clock.instant()));
                return new DataKey(id, owner, version, Optional.of(primitive(key)));
            });
            createdSinceLastReport.add(created.id());
            byId.put(created.id(), created);
            return created;
        } catch (DuplicateKeyException raced) {
            return rows.newestActive(owner).map(this::unwrapped).orElseThrow(() -> raced);
        }
    }

    /** Destroys every version of the owner's key; returns how many were still usable. */
    public int destroy(String owner) {
        List<Long> ids = rows.idsOf(owner);
        int destroyed = rows.destroy(owner, clock.instant());
        byId.invalidateAll(ids);
        currentByOwner.invalidate(owner);
        return destroyed;
    }

    /** Re-wraps every data key not yet wrapped by the KEK's primary; returns how many. */
    public int rewrapAll() {
        String primary = kek.primaryKeyId();
        int done = 0;
        long after = 0;
        List<DataKeyRows.Row> batch;
        while (!(batch = rows.wrappedByOtherThan(primary, after, 200)).isEmpty()) {
            for (DataKeyRows.Row row : batch) {
                byte[] context = Owners.wrapContext(row.owner(), row.version());
                byte[] key = kek.unwrap(row.wrapped(), context);
                KeyEncryptionKeys.Wrapped wrapped = kek.wrap(key, context);
                if (rows.rewrap(row.id(), row.kekId(), wrapped.bytes(), wrapped.kekId())) {
                    done++;
                }
                after = row.id();
            }
        }
        return done;
    }

    public List<String> ownersWithKeysOlderThan(Instant before, String afterOwner, int limit) {
        return rows.ownersWithKeysOlderThan(before, afterOwner, limit);
    }

    /**
     * Retires superseded versions no stored body uses any more. A retired version still opens (data
     * sealed through {@code PatientDataCipher} elsewhere, restored backups) but is never chosen to seal.
     */
    public int retireUnused(java.util.Set<String> keyIdsInUse) {
        List<Long> unused = new ArrayList<>();
        for (DataKeyRows.Row row : rows.supersededActive()) {
            String keyId = DataKey.PREFIX + row.id();
            if (!keyIdsInUse.contains(keyId)) {
                unused.add(row.id());
            }
        }
        rows.retire(unused);
        return unused.size();
    }

    /**
     * Forgets every unwrapped key on this node, so the next use unwraps again with the KEK as it is
     * now (after an old KEK key was removed, this shows at once whether anything still needs it).
     */
    public void forgetUnwrappedKeys() {
        byId.invalidateAll();
        currentByOwner.invalidateAll();
    }

    /** After new versions were created: this node seals with them from now on. */
    public void forgetCurrentVersions() {
        currentByOwner.invalidateAll();
    }

    /** Ids of the keys created since the last call, for one aggregated event. */
    public List<Long> drainCreated() {
        List<Long> ids = new ArrayList<>();
        for (Long id; (id = createdSinceLastReport.poll()) != null;) {
            ids.add(id);
        }
        return ids;
    }

    private DataKey unwrapped(DataKeyRows.Row row) {
        if (DataKeyRows.DESTROYED.equals(row.state()) || row.wrapped() == null) {
            return new DataKey(row.id(), row.owner(), row.version(), Optional.empty());
        }
        byte[] key = kek.unwrap(row.wrapped(), Owners.wrapContext(row.owner(), row.version()));
        return new DataKey(row.id(), row.owner(), row.version(), Optional.of(primitive(key)));
    }

    private static com.google.crypto.tink.Aead primitive(byte[] key) {
        try {
            return new AesGcmJce(key);
        } catch (GeneralSecurityException e) {
            throw new BodyCodec.UnreadableBodyException("A data key could not be used as an AES-256 key");
        }
    }
}
