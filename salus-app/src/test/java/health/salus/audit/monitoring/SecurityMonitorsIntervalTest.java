package health.salus.audit.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.audit.AuditEntry;
import health.salus.audit.AuditRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The monitors look at what the trail chained at most once an interval, all of it as one batch in
 * chain order, so their queries are paid per interval and not per read.
 */
class SecurityMonitorsIntervalTest {

    private final List<List<Long>> seen = new ArrayList<>();
    private final Monitor recording = entries -> {
        seen.add(entries.stream().map(AuditEntry::sequence).toList());
        return List.of();
    };
    private final CapturingExecutor executor = new CapturingExecutor();
    private final SecurityMonitors monitors = new SecurityMonitors(List.of(recording), null, null, executor,
            Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void whatArrivesWithinOneIntervalIsEvaluatedOnceAsOneBatchInChainOrder() {
        monitors.recorded(entries(1, 2));
        monitors.recorded(entries(3, 3));
        monitors.recorded(entries(4, 6));

        assertThat(executor.scheduled).as("one look scheduled for three batches").hasSize(1);
        assertThat(executor.delays.get(0)).as("not before the interval is up")
                .isGreaterThan(Duration.ofSeconds(4).toNanos());
        assertThat(seen).isEmpty();

        executor.scheduled.get(0).run();

        assertThat(seen).containsExactly(List.of(1L, 2L, 3L, 4L, 5L, 6L));
        assertThat(monitors.evaluatedThrough()).isEqualTo(6);
    }

    @Test
    void entriesArrivingAfterALookAreLookedAtInTheNextInterval() {
        monitors.recorded(entries(1, 1));
        executor.scheduled.get(0).run();

        monitors.recorded(entries(2, 3));

        assertThat(executor.scheduled).hasSize(2);
        assertThat(executor.delays.get(1)).isGreaterThan(Duration.ofSeconds(4).toNanos());
        executor.scheduled.get(1).run();
        assertThat(seen).containsExactly(List.of(1L), List.of(2L, 3L));
    }

    @Test
    void aBacklogIsLookedAtInBoundedLooksOneAfterAnother() {
        monitors.recorded(entries(1, SecurityMonitors.MAX_LOOK + 10));
        executor.scheduled.get(0).run();

        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).hasSize(SecurityMonitors.MAX_LOOK);
        assertThat(executor.scheduled).as("the rest straight away").hasSize(2);
        assertThat(executor.delays.get(1)).isZero();
        executor.scheduled.get(1).run();
        assertThat(seen.get(1)).hasSize(10).first().isEqualTo((long) SecurityMonitors.MAX_LOOK + 1);
        assertThat(monitors.evaluatedThrough()).isEqualTo(SecurityMonitors.MAX_LOOK + 10);
    }

    private static List<AuditEntry> entries(long first, long last) {
        return LongStream.rangeClosed(first, last).mapToObj(sequence -> new AuditEntry(sequence,
                MonitorTest.access("acct-" + sequence, "pat-" + sequence, Instant.parse("2026-11-30T10:00:00Z")),
                "prev", "hash")).toList();
    }

    /** Keeps what is scheduled instead of running it, so the test decides when the interval is up. */
    private static final class CapturingExecutor extends ScheduledThreadPoolExecutor {

        final List<Runnable> scheduled = new ArrayList<>();
        final List<Long> delays = new ArrayList<>();

        CapturingExecutor() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            scheduled.add(command);
            delays.add(unit.toNanos(delay));
            return null;
        }
    }
}
