package health.salus.audit.monitoring;

import health.salus.audit.AuditEntry;
import health.salus.audit.AuditObserver;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds newly chained audit entries to every monitor and raises what they find. The trail calls
 * {@link #recorded} on its writer thread, so the work is handed to a single thread of our own: the
 * writer never waits for a query, and entries are evaluated in chain order. State lives in the
 * audit tables, so any node may evaluate and de-duplication holds across nodes.
 */
class SecurityMonitors implements AuditObserver {

    private static final Logger log = LoggerFactory.getLogger(SecurityMonitors.class);

    private final List<Monitor> monitors;
    private final Alerts alerts;
    private final AlertEmail email;
    private final ExecutorService executor;
    private final AtomicLong evaluatedThrough = new AtomicLong();

    SecurityMonitors(List<Monitor> monitors, Alerts alerts, AlertEmail email, ExecutorService executor) {
        this.monitors = List.copyOf(monitors);
        this.alerts = alerts;
        this.email = email;
        this.executor = executor;
    }

    @Override
    public void recorded(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<AuditEntry> batch = List.copyOf(entries);
        try {
            executor.execute(() -> evaluate(batch));
        } catch (RejectedExecutionException shuttingDown) {
            log.info("Security monitors stopped; {} audit entries not evaluated", batch.size());
        }
    }

    void evaluate(List<AuditEntry> entries) {
        for (Monitor monitor : monitors) {
            try {
                monitor.evaluate(entries).forEach(candidate -> alerts.raise(candidate).ifPresent(email::send));
            } catch (RuntimeException e) {
                // one failing rule must not silence the others
                log.error("Security monitor {} failed on entries {}..{}", monitor.getClass().getSimpleName(),
                        entries.get(0).sequence(), entries.get(entries.size() - 1).sequence(), e);
            }
        }
        evaluatedThrough.accumulateAndGet(entries.get(entries.size() - 1).sequence(), Math::max);
    }

    void close() {
        executor.shutdown();
    }

    /** The highest chain sequence evaluated so far on this node (tests wait on it instead of sleeping). */
    long evaluatedThrough() {
        return evaluatedThrough.get();
    }
}
