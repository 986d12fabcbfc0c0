package health.salus.audit.trail;

import health.salus.audit.AuditEntry;
import health.salus.audit.AuditObserver;
import health.salus.audit.AuditRecord;
import health.salus.audit.AuditTrail;
import health.salus.audit.AuditUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * The trail's writer, with group commit: callers put their records on a queue; whoever holds the
 * append lock drains whatever is waiting (up to a bound), appends it in one JDBC batch and one
 * transaction, and then releases every caller of that batch at once. A caller that finds no append
 * under way takes the lock and writes itself, because handing its records to the writer thread and
 * being woken again cost more than the append (0.8 of 1.9 ms per search on 2 cores); while an append
 * is under way callers queue, and the writer thread drains the queue. A caller returns only after its
 * records are committed and gets {@link AuditUnavailableException} when they were not (fail closed).
 * The lock is a {@link ReentrantLock}, so virtual threads are not pinned while they write or wait.
 */
public final class AuditWriter implements AuditTrail, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);

    private final DataSource dataSource;
    private final ChainAppender appender;
    private final ObjectProvider<AuditObserver> observers;
    /**
     * Resolved once at start (every bean exists by then, and nothing is appended before): looking them
     * up per batch sorted the beans anew for every read, half the writer's own CPU.
     */
    private volatile List<AuditObserver> observing = List.of();
    private final Clock clock;
    private final int maxBatch;
    private final Duration timeout;
    private final BlockingDeque<Pending> queue;
    private volatile Thread thread;
    private volatile boolean running;
    /** Whether the database runs the one-statement append (PostgreSQL); decided at start. */
    private final boolean knownHeadStatements;
    /** Held around every append: one append at a time per node, whichever thread writes. */
    private final ReentrantLock appending = new ReentrantLock();
    /** The head this writer left with its last committed append; touched only under {@link #appending}. */
    private ChainAppender.ChainHead knownHead;
    /** How many batches went the one-statement way: a sanity figure for tests and diagnostics. */
    private final java.util.concurrent.atomic.AtomicLong knownHeadAppends = new java.util.concurrent.atomic.AtomicLong();

    AuditWriter(DataSource dataSource, ChainAppender appender, ObjectProvider<AuditObserver> observers, Clock clock,
            int maxBatch, int queueCapacity, Duration timeout, boolean knownHeadStatements) {
        this.knownHeadStatements = knownHeadStatements;
        this.dataSource = dataSource;
        this.appender = appender;
        this.observers = observers;
        this.clock = clock;
        this.maxBatch = maxBatch;
        this.timeout = timeout;
        this.queue = new LinkedBlockingDeque<>(queueCapacity);
    }

    @Override
    public void record(List<AuditRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        Pending pending = enqueue(records);
        if (Thread.currentThread() == thread) {
            // an observer recording from the writer thread: waiting here would wait for itself
            return;
        }
        try {
            // writes it here when no append is under way (see Pending)
            pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("Interrupted while the audit trail was writing", e);
        } catch (ExecutionException e) {
            throw new AuditUnavailableException("The audit trail could not be written", e.getCause());
        } catch (TimeoutException e) {
            throw new AuditUnavailableException("The audit trail did not answer in time", e);
        }
    }

    /**
     * Queues {@code records} for the writer thread, so the caller can go on (decode, serialise) while
     * they are appended; the caller holds its answer until the returned future completes.
     */
    @Override
    public CompletableFuture<Void> recordInBackground(List<AuditRecord> records) {
        if (records.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        // not orTimeout: its timer thread would wake for every read; the holder bounds its own wait
        return enqueue(records);
    }

    /**
     * Writes the batch holding {@code pending} on this thread when no append is under way and the
     * writer thread has not taken it yet (it may not have been scheduled), so no caller waits for a
     * hand-off; otherwise leaves it to whoever appends.
     */
    private void writeIfStillQueued(Pending pending) {
        if (Thread.currentThread() == thread || !queue.contains(pending) || !appending.tryLock()) {
            return;
        }
        try {
            // only until ours has left the queue: if the writer thread took it, it is waiting for this
            // lock, and draining on behind it under steady load would starve it into a timeout
            List<Pending> batch;
            while (queue.contains(pending) && !(batch = nextBatch(queue.poll())).isEmpty()) {
                writeBatch(batch);
            }
        } finally {
            appending.unlock();
        }
    }

    private Pending enqueue(List<AuditRecord> records) {
        Pending pending = new Pending(List.copyOf(records));
        if (!running || !queue.offer(pending)) {
            throw new AuditUnavailableException("The audit trail is not accepting records", null);
        }
        return pending;
    }

    private void drainForever() {
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.pollFirst(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                if (!appending.tryLock()) {
                    // a caller is appending: put it back rather than hold it out of the queue while
                    // waiting, where callers that drain only until their own is written would never see it
                    boolean putBack = queue.offerFirst(first);
                    appending.lock();
                    if (putBack) {
                        first = queue.pollFirst();
                    }
                }
                try {
                    List<Pending> batch = nextBatch(first);
                    if (!batch.isEmpty()) {
                        writeBatch(batch);
                    }
                } finally {
                    appending.unlock();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** {@code first} and whatever waits behind it, up to the batch bound; empty when {@code first} is null. */
    private List<Pending> nextBatch(Pending first) {
        List<Pending> batch = new ArrayList<>();
        if (first == null) {
            return batch;
        }
        batch.add(first);
        int size = first.records.size();
        Pending next;
        while (size < maxBatch && (next = queue.peek()) != null && size + next.records.size() <= maxBatch) {
            // the writer thread takes from the queue without the lock: what is polled may not be what was seen
            Pending taken = queue.poll();
            if (taken == null) {
                break;
            }
            batch.add(taken);
            size += taken.records.size();
        }
        return batch;
    }

    /**
     * Appends one batch and settles its callers either way. Observers hear of it still under the lock,
     * so they get the entries in chain order whichever thread wrote them.
     */
    private void writeBatch(List<Pending> batch) {
        try {
            write(batch);
        } catch (RuntimeException | Error e) {
            // whatever went wrong, the callers of this batch must hear of it rather than wait
            batch.forEach(pending -> pending.completeExceptionally(e));
            log.error("Audit writer failed on a batch: {}", e.getClass().getName());
        }
    }

    private void write(List<Pending> batch) {
        List<AuditRecord> records = new ArrayList<>();
        batch.forEach(pending -> records.addAll(pending.records));
        ChainAppender.Appended appended;
        try (Connection connection = dataSource.getConnection()) {
            appended = append(connection, records);
        } catch (SQLException e) {
            // SQL state only: a database message may quote the values of a row
            log.error("Audit trail write failed [SQLState {}]; {} callers refused", e.getSQLState(), batch.size());
            batch.forEach(pending -> pending.completeExceptionally(e));
            return;
        }
        batch.forEach(pending -> pending.complete(null));
        notifyObservers(appended.entries());
    }

    /**
     * One statement on the head this writer left last time when it can; the locked transaction when
     * that head moved, a checkpoint is due, or nothing is known (start, after a failure). The known
     * head is only ever a guess: the database decides, so a stale one costs a round trip, never a fork.
     */
    private ChainAppender.Appended append(Connection connection, List<AuditRecord> records) throws SQLException {
        ChainAppender.ChainHead known = knownHead;
        knownHead = null;
        java.time.Instant now = clock.instant();
        if (known != null && knownHeadStatements) {
            connection.setAutoCommit(true);
            Optional<ChainAppender.Appended> fast = appender.appendOnKnownHead(connection, known, records, now);
            if (fast.isPresent()) {
                knownHead = fast.get().head();
                knownHeadAppends.incrementAndGet();
                return fast.get();
            }
        }
        connection.setAutoCommit(false);
        try {
            ChainAppender.Appended appended = appender.append(connection, records, now);
            connection.commit();
            knownHead = appended.head();
            return appended;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private void notifyObservers(List<AuditEntry> entries) {
        List<AuditEntry> view = List.copyOf(entries);
        observing.forEach(observer -> {
            try {
                observer.recorded(view);
            } catch (RuntimeException e) {
                log.warn("Audit observer {} failed: {}", observer.getClass().getName(), e.getClass().getName());
            }
        });
    }

    long knownHeadAppends() {
        return knownHeadAppends.get();
    }

    @Override
    public void start() {
        observing = observers.orderedStream().toList();
        running = true;
        thread = new Thread(this::drainForever, "audit-writer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread writer = thread;
        if (writer != null) {
            try {
                // let it finish what was queued before the database goes away
                writer.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        queue.forEach(pending -> pending.completeExceptionally(
                new IllegalStateException("The audit trail is shutting down")));
        queue.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stops after the web server (which stops at a higher phase) has finished its requests
        return Integer.MAX_VALUE - 4096;
    }

    /**
     * Records waiting to be chained, and the future that completes when they are committed. A holder
     * that comes to wait while they are still queued writes them itself ({@link #writeIfStillQueued})
     * rather than wait for the writer thread.
     */
    private final class Pending extends CompletableFuture<Void> {

        private final List<AuditRecord> records;

        Pending(List<AuditRecord> records) {
            this.records = records;
        }

        @Override
        public Void get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException,
                TimeoutException {
            if (!isDone()) {
                writeIfStillQueued(this);
            }
            return super.get(timeout, unit);
        }
    }
}
