package health.salus.fhir.store;

import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import health.salus.fhir.SearchRequest;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Serialises conditional operations on the same condition until their transaction ends, so two
 * concurrent "create this patient unless identifier X exists" requests cannot both create one. On
 * PostgreSQL a transaction-scoped advisory lock works across nodes; the embedded database serves one
 * node, where a lock in this JVM does.
 */
@Component
class ConditionLocks {

    private static final int STRIPES = 256;
    /** Long enough to outlast a first write that builds the validator; PostgreSQL waits as long. */
    private static final long WAIT_SECONDS = 60;

    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    ConditionLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        this.postgres = product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgres");
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** Holds the lock for this condition until the surrounding transaction commits or rolls back. */
    void lock(SearchRequest condition) {
        long key = keyOf(condition);
        if (postgres) {
            jdbc.query("select pg_advisory_xact_lock(?)", rs -> { }, key);
            return;
        }
        ReentrantLock stripe = stripes[(int) Math.floorMod(key, (long) STRIPES)];
        try {
            if (!stripe.tryLock(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new ResourceVersionConflictException("Another request on the same condition is running; retry");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceVersionConflictException("Interrupted while waiting for a conditional operation");
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                stripe.unlock();
            }
        });
    }

    /** The same search in any parameter order is the same condition. */
    private static long keyOf(SearchRequest condition) {
        String canonical = condition.resourceType() + "?" + new TreeMap<>(condition.parameters());
        return UUID.nameUUIDFromBytes(canonical.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
    }
}
