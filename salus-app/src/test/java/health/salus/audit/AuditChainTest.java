package health.salus.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.salus.audit.ChainVerification.Kind;
import health.salus.audit.trail.ChainHashing;
import health.salus.support.SalusIntegrationTest;
import health.salus.support.TestProfiles;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The chain: dense under concurrent writers, and every kind of tampering found at its exact position.
 * Tampering tests change stored rows the way someone with database access would (on PostgreSQL with
 * the append-only trigger switched off for the moment), then put them back so the chain is whole again.
 */
@SalusIntegrationTest
class AuditChainTest {

    @Autowired
    AuditTrail trail;
    @Autowired
    AuditIntegrity integrity;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void recordsFromManyThreadsAtOnceFormOneDenseChainThatVerifies() throws Exception {
        String actor = actor();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Callable<Void>> writers = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int thread = t;
            writers.add(() -> {
                for (int i = 0; i < 20; i++) {
                    trail.record(record(actor, "thread-" + thread + "-" + i));
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
                .isEqualTo(320);
        Map<String, Object> span = jdbc.queryForMap("select count(*) as n, min(sequence) as low, max(sequence) as high "
                + "from audit_entry");
        assertThat(((Number) span.get("high")).longValue()).as("dense from 1").isEqualTo(((Number) span.get("n")).longValue());
        assertThat(((Number) span.get("low")).longValue()).isEqualTo(1);
        ChainVerification result = integrity.verify();
        assertThat(result.valid()).as("%s", result.problems()).isTrue();
        assertThat(result.entriesChecked()).isGreaterThanOrEqualTo(320);
        assertThat(result.checkpointsChecked()).isPositive();
        assertThat(jdbc.queryForList("select resource_ids from audit_entry where actor_id = ?", String.class, actor))
                .containsOnly("o1,o2");
    }

    @Test
    void oneFlippedByteInAStoredEntryIsReportedAsModifiedAtItsSequence() {
        long target = writeFive().get(2);
        String original = jdbc.queryForObject("select action from audit_entry where sequence = ?", String.class, target);
        String flipped = (char) (original.charAt(0) ^ 1) + original.substring(1);
        try {
            tamper("update audit_entry set action = ? where sequence = ?", flipped, target);
            assertFirstProblem(target, Kind.MODIFIED);
        } finally {
            tamper("update audit_entry set action = ? where sequence = ?", original, target);
        }
        assertValid();
    }

    @Test
    void oneDeletedEntryIsReportedAtItsPosition() {
        long target = writeFive().get(1);
        tamper("create table audit_entry_saved as select * from audit_entry where sequence = ?", target);
        try {
            tamper("delete from audit_entry where sequence = ?", target);
            assertFirstProblem(target, Kind.DELETED);
        } finally {
            tamper("insert into audit_entry select * from audit_entry_saved");
            jdbc.update("drop table audit_entry_saved");
        }
        assertValid();
    }

    @Test
    void aForgedEntrySlippedIntoTheChainIsReportedAsInsertedAtItsPosition() {
        long target = writeFive().get(2);
        String before = jdbc.queryForObject("select hash from audit_entry where sequence = ?", String.class, target - 1);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        // a careful forger: the row is consistent with its own hash and links to the entry before it
        AuditRecord forged = new AuditRecord(now, AuditCategory.PATIENT_DATA, "read", AuditOutcome.SUCCESS,
                new AuditRecord.Actor("forger", List.of(), null), null, null, List.of(), PurposeOfUse.TREATMENT,
                AuditRecord.Origin.NONE, null);
        String hash = ChainHashing.hash(before, target, now, forged);
        // make room by moving every later entry up one (through negative numbers: the key stays unique)
        tamper("update audit_entry set sequence = -(sequence + 1) where sequence >= ?", target);
        tamper("update audit_entry set sequence = -sequence where sequence < 0");
        tamper("insert into audit_entry (sequence, recorded_at, occurred_at, category, action, outcome, actor_id, "
                + "actor_roles, resource_ids, purpose, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, '', '', ?, ?, ?)",
                target, now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC),
                forged.category().name(), forged.action(), forged.outcome().name(), forged.actor().id(),
                forged.purpose().name(), before, hash);
        try {
            assertFirstProblem(target, Kind.INSERTED);
        } finally {
            tamper("delete from audit_entry where sequence = ?", target);
            tamper("update audit_entry set sequence = -(sequence - 1) where sequence > ?", target);
            tamper("update audit_entry set sequence = -sequence where sequence < 0");
        }
        assertValid();
    }

    @Test
    void anEntryAppendedBeyondTheChainHeadIsReportedAsInserted() {
        long last = writeFive().get(4);
        tamper("create table audit_entry_saved as select * from audit_entry where sequence = ?", last);
        tamper("update audit_entry_saved set sequence = sequence + 1, previous_hash = hash");
        tamper("insert into audit_entry select * from audit_entry_saved");
        try {
            assertFirstProblem(last + 1, Kind.INSERTED);
        } finally {
            tamper("delete from audit_entry where sequence = ?", last + 1);
            jdbc.update("drop table audit_entry_saved");
        }
        assertValid();
    }

    @Test
    void aTamperedCheckpointSignatureIsReported() {
        writeFive();
        long checkpoint = jdbc.queryForObject("select max(sequence) from audit_checkpoint", Long.class);
        String signature = jdbc.queryForObject("select signature from audit_checkpoint where sequence = ?",
                String.class, checkpoint);
        String forged = (signature.charAt(0) == '0' ? "1" : "0") + signature.substring(1);
        try {
            tamper("update audit_checkpoint set signature = ? where sequence = ?", forged, checkpoint);
            ChainVerification result = integrity.verify();
            assertThat(result.valid()).isFalse();
            assertThat(result.problems()).anySatisfy(problem -> {
                assertThat(problem.sequence()).isEqualTo(checkpoint);
                assertThat(problem.kind()).isEqualTo(Kind.CHECKPOINT_MISMATCH);
            });
        } finally {
            tamper("update audit_checkpoint set signature = ? where sequence = ?", signature, checkpoint);
        }
        assertValid();
    }

    @Test
    void thePlainUpdateAndDeleteTheApplicationCouldSendAreRefusedOnPostgresAndCaughtByTheChainElsewhere() {
        long target = writeFive().get(0);
        if (TestProfiles.onPostgres()) {
            assertThatThrownBy(() -> jdbc.update("update audit_entry set action = 'quiet' where sequence = ?", target))
                    .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
            assertThatThrownBy(() -> jdbc.update("delete from audit_entry where sequence = ?", target))
                    .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
            assertThatThrownBy(() -> jdbc.update("delete from audit_checkpoint"))
                    .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
            assertThatThrownBy(() -> jdbc.execute("truncate table audit_entry"))
                    .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
            assertValid();
        } else {
            String original = jdbc.queryForObject("select action from audit_entry where sequence = ?", String.class,
                    target);
            jdbc.update("update audit_entry set action = 'quiet' where sequence = ?", target);
            try {
                assertFirstProblem(target, Kind.MODIFIED);
            } finally {
                jdbc.update("update audit_entry set action = ? where sequence = ?", original, target);
            }
        }
    }

    private void assertFirstProblem(long sequence, Kind kind) {
        ChainVerification result = integrity.verify();
        assertThat(result.valid()).isFalse();
        assertThat(result.firstProblem()).as("%s", result.problems()).isNotNull();
        assertThat(result.firstProblem().sequence()).as("%s", result.problems()).isEqualTo(sequence);
        assertThat(result.firstProblem().kind()).as("%s", result.problems()).isEqualTo(kind);
    }

    private void assertValid() {
        ChainVerification result = integrity.verify();
        assertThat(result.valid()).as("%s", result.problems()).isTrue();
    }

    /** Five fresh entries; their sequences. */
    private List<Long> writeFive() {
        String actor = actor();
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            records.add(record(actor, "step-" + i));
        }
        trail.record(records);
        return jdbc.queryForList("select sequence from audit_entry where actor_id = ? order by sequence", Long.class,
                actor);
    }

    /** Runs SQL as someone who can switch the append-only trigger off would. */
    private void tamper(String sql, Object... args) {
        boolean postgres = TestProfiles.onPostgres();
        if (postgres) {
            jdbc.execute("alter table audit_entry disable trigger user");
            jdbc.execute("alter table audit_checkpoint disable trigger user");
        }
        try {
            jdbc.update(sql, args);
        } finally {
            if (postgres) {
                jdbc.execute("alter table audit_entry enable trigger user");
                jdbc.execute("alter table audit_checkpoint enable trigger user");
            }
        }
    }

    private static String actor() {
        return "test-actor-" + UUID.randomUUID();
    }

    private static AuditRecord record(String actor, String action) {
        return new AuditRecord(Instant.now(), AuditCategory.PATIENT_DATA, action, AuditOutcome.SUCCESS,
                new AuditRecord.Actor(actor, List.of("physician"), null), "p-" + action, "Observation",
                List.of("o1", "o2"), PurposeOfUse.TREATMENT, new AuditRecord.Origin("127.0.0.1", "JUnit", "r-1"), null);
    }
}
