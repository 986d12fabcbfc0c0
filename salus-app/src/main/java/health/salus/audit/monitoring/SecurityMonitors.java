package health.salus.audit.monitoring;

import health.salus.audit.AuditEntry;
import health.salus.audit.AuditObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds newly chained audit entries to every monitor and raises what they find. The trail calls
 * {@link #recorded} under its append lock, so the work is handed to a single thread of our own: the
 * writer never waits for a query, and entries are evaluated in chain order. That thread looks at what
 * arrived at most every {@code evaluateEvery}, all of it as one batch: the monitors' queries then cost
 * once per interval rather than once per read, which on a busy node took a core's worth of queries
 * away from the reads themselves. State lives in the audit tables, so any node may evaluate and
 * de-duplication holds across nodes.
 */
class SecurityMonitors implements AuditObserver {

    private static final Logger log = LoggerFactory.getLogger(SecurityMonitors.class);

    private final List<Monitor> monitors;
    private final Alerts alerts;
    private final AlertEmail email;
    private final ScheduledExecutorService executor;
    private final long intervalNanos;
    private final Queue<AuditEntry> arrived = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long lastEvaluation = System.nanoTime();
    private final AtomicLong evaluatedThrough = new AtomicLong();
    /** Bounds one look (memory, and the monitors' IN lists) when the monitors fall behind. */
    static final int MAX_LOOK = 5000;

    SecurityMonitors(List<Monitor> monitors, Alerts alerts, AlertEmail email, ScheduledExecutorService executor,
            Duration evaluateEvery) {
        this.monitors = List.copyOf(monitors);
        this.alerts = alerts;
        this.email = email;
        this.executor = executor;
        this.intervalNanos = evaluateEvery.toNanos();
    }

    @Override
    public void recorded(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        arrived.addAll(entries);
        if (scheduled.compareAndSet(false, true)) {
            long wait = Math.max(0, lastEvaluation + intervalNanos - System.nanoTime());
            try {
                executor.schedule(this::evaluateArrived, wait, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException shuttingDown) {
                log.info("Security monitors stopped; {} audit entries not evaluated", arrived.size());
            }
        }
    }

    private void evaluateArrived() {
        // cleared before draining: entries added from here on schedule the next look
        scheduled.set(false);
        lastEvaluation = System.nanoTime();
        List<AuditEntry> batch = new ArrayList<>();
        for (AuditEntry entry; batch.size() < MAX_LOOK && (entry = arrived.poll()) != null;) {
            batch.add(entry);
        }
        if (!batch.isEmpty()) {
            evaluate(batch);
        }
        if (!arrived.isEmpty() && scheduled.compareAndSet(false, true)) {
            // a backlog: the rest at once, in bounded looks
            try {
                executor.execute(this::evaluateArrived);
            } catch (RejectedExecutionException shuttingDown) {
                log.info("Security monitors stopped; {} audit entries not evaluated", arrived.size());
            }
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
