package health.salus.audit.trail;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.audit.AuditCategory;
import health.salus.audit.AuditIntegrity;
import health.salus.audit.AuditObserver;
import health.salus.audit.AuditOutcome;
import health.salus.audit.AuditRecord;
import health.salus.audit.AuditTrail;
import health.salus.audit.ChainVerification;
import health.salus.audit.PurposeOfUse;
import health.salus.support.SalusIntegrationTest;
import health.salus.support.TestProfiles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Several nodes on one database extend one chain. Each "node" here is a writer of its own (its own
 * remembered head) beside the application's, on the application's database: on PostgreSQL they
 * append with the one-statement path on the head they last left, and must notice when another node
 * moved it; elsewhere they lock. Either way the verifier must find one dense, valid chain.
 */
@SalusIntegrationTest
class SeveralNodesChainTest {

    @Autowired
    AuditStorage storage;
    @Autowired
    CheckpointSigner signer;
    @Autowired
    AuditTrail applicationTrail;
    @Autowired
    AuditIntegrity integrity;
    @Autowired
    JdbcTemplate jdbc;

    private final List<AuditWriter> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(AuditWriter::stop);
    }

    @Test
    void aNodeWhoseRememberedHeadWasMovedByAnotherAppendsAfterItsEntriesNotOverThem() {
        AuditWriter first = node();
        AuditWriter second = node();
        String actor = actor();
        first.record(List.of(record(actor, "first-1")));
        first.record(List.of(record(actor, "first-2")));
        second.record(List.of(record(actor, "second-1"), record(actor, "second-2")));
        // the first node still remembers the head it left before the second node's entries
        first.record(List.of(record(actor, "first-3")));
        second.record(List.of(record(actor, "second-3")));
        first.record(List.of(record(actor, "first-4")));
        // consecutive appends of one node find their remembered head current (unless the application's
        // own writer, e.g. a security alert, slipped in between: then the next one will)
        for (int i = 0; i < 20 && TestProfiles.onPostgres() && first.knownHeadAppends() == 0; i++) {
            first.record(List.of(record(actor, "first-again")));
        }

        List<String> actions = jdbc.queryForList("select action from audit_entry where actor_id = ? and action <> "
                + "'first-again' order by sequence", String.class, actor);
        assertThat(actions).containsExactly("first-1", "first-2", "second-1", "second-2", "first-3", "second-3",
                "first-4");
        assertOneValidDenseChain();
        if (TestProfiles.onPostgres()) {
            assertThat(first.knownHeadAppends()).as("appends on a remembered head that was still current")
                    .isPositive();
        }
    }

    @Test
    void threeNodesWritingAtOnceProduceOneDenseChainThatVerifies() throws Exception {
        List<AuditTrail> trails = List.of(node(), node(), applicationTrail);
        String actor = actor();
        ExecutorService threads = Executors.newFixedThreadPool(9);
        List<Callable<Void>> writers = new ArrayList<>();
        for (int t = 0; t < 9; t++) {
            AuditTrail trail = trails.get(t % trails.size());
            int thread = t;
            writers.add(() -> {
                for (int i = 0; i < 15; i++) {
                    trail.record(List.of(record(actor, "t" + thread + "-" + i), record(actor, "t" + thread + "-" + i)));
                }
                return null;
            });
        }
        try {
            for (Future<Void> done : threads.invokeAll(writers)) {
                done.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where actor_id = ?", Long.class, actor))
                .isEqualTo(9 * 15 * 2);
        assertOneValidDenseChain();
    }

    private void assertOneValidDenseChain() {
        Long entries = jdbc.queryForObject("select count(*) from audit_entry", Long.class);
        Long highest = jdbc.queryForObject("select max(sequence) from audit_entry", Long.class);
        assertThat(highest).as("dense from 1").isEqualTo(entries);
        assertThat(jdbc.queryForObject("select last_sequence from audit_chain_head", Long.class)).isEqualTo(highest);
        ChainVerification result = integrity.verify();
        assertThat(result.valid()).as("%s", result.problems()).isTrue();
        assertThat(result.headSequence()).isGreaterThanOrEqualTo(highest);
    }

    private AuditWriter node() {
        AuditWriter writer = new AuditWriter(storage.dataSource(), new ChainAppender(signer, 1000, Duration.ofHours(1)),
                new DefaultListableBeanFactory().getBeanProvider(AuditObserver.class), Clock.systemUTC(), 500, 1000,
                Duration.ofSeconds(30), TestProfiles.onPostgres());
        writer.start();
        nodes.add(writer);
        return writer;
    }

    private static String actor() {
        return "node-test-" + UUID.randomUUID();
    }

    private static AuditRecord record(String actor, String action) {
        return new AuditRecord(Instant.now(), AuditCategory.SECURITY, action, AuditOutcome.SUCCESS,
                new AuditRecord.Actor(actor, List.of("admin"), null), null, null, List.of("o1", "o2"),
                PurposeOfUse.SYSTEM, AuditRecord.Origin.NONE, null);
    }
}
