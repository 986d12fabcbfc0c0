package health.salus.audit.verification;

import health.salus.audit.AuditIntegrity;
import health.salus.audit.ChainVerification;
import health.salus.audit.ChainVerification.Kind;
import health.salus.audit.ChainVerification.Problem;
import health.salus.audit.trail.ChainHashing;
import health.salus.audit.trail.CheckpointSigner;
import health.salus.audit.trail.EntryRows;
import health.salus.audit.trail.EntryRows.StoredEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Walks the chain in sequence order, a batch at a time, recomputing every hash and link, and checks
 * the signed checkpoints and the chain head against it. The chain is checked up to the head as it
 * stood when the walk began; entries written meanwhile are checked next time.
 */
@Component
class AuditVerifier implements AuditIntegrity {

    private static final Logger log = LoggerFactory.getLogger(AuditVerifier.class);
    private static final int BATCH = 1000;
    private static final int MAX_PROBLEMS = 20;

    private final JdbcClient jdbc;
    private final CheckpointSigner signer;
    private final Clock clock;
    private final AtomicReference<ChainVerification> last = new AtomicReference<>();

    AuditVerifier(JdbcClient jdbc, CheckpointSigner signer, Clock clock) {
        this.jdbc = jdbc;
        this.signer = signer;
        this.clock = clock;
    }

    @Override
    public Optional<ChainVerification> lastVerification() {
        return Optional.ofNullable(last.get());
    }

    @Scheduled(fixedDelayString = "${salus.audit.verification.every:PT1H}",
            initialDelayString = "${salus.audit.verification.every:PT1H}")
    void onSchedule() {
        ChainVerification result = verify();
        if (result.valid()) {
            log.info("Audit chain verified: {} entries, {} checkpoints", result.entriesChecked(),
                    result.checkpointsChecked());
        } else {
            log.error("Audit chain INVALID: {} at sequence {}", result.firstProblem().kind(),
                    result.firstProblem().sequence());
        }
    }

    @Override
    public ChainVerification verify() {
        Instant started = clock.instant();
        Head head = head();
        List<Problem> problems = new ArrayList<>();
        if (!signer.headSigned(head.sequence, head.hash, head.mac)) {
            problems.add(new Problem(head.sequence, Kind.HEAD_MISMATCH, "the chain head's signature does not match"));
        }
        Walk walk = new Walk(new Checkpoints(jdbc, signer, head.sequence));
        long after = 0;
        List<Row> rows;
        do {
            rows = jdbc.sql("select " + EntryRows.COLUMNS + " from audit_entry where sequence > ? and sequence <= ? "
                    + "order by sequence limit " + BATCH).params(after, head.sequence).query((rs, n) -> {
                        long sequence = rs.getLong("sequence");
                        try {
                            return new Row(sequence, EntryRows.map(rs));
                        } catch (RuntimeException unreadable) {
                            return new Row(sequence, null);
                        }
                    }).list();
            rows.forEach(walk::next);
            after = rows.isEmpty() ? after : rows.get(rows.size() - 1).sequence;
        } while (rows.size() == BATCH);
        walk.end(head);
        problems.addAll(walk.problems());
        beyondHead().ifPresent(problems::add);
        problems.sort(Comparator.comparingLong(Problem::sequence));
        List<Problem> reported = problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS));
        ChainVerification result = new ChainVerification(problems.isEmpty(), started, walk.entries,
                walk.checkpoints.checked(), head.sequence, problems.isEmpty() ? null : problems.get(0), reported);
        last.set(result);
        return result;
    }

    /** Entries past the head: every real append moves the head in the same transaction. */
    private Optional<Problem> beyondHead() {
        // the highest entry first, then the head: a real append committed before the first read has
        // moved the head before the second
        long highest = jdbc.sql("select coalesce(max(sequence), 0) from audit_entry").query(Long.class).single();
        long headNow = head().sequence;
        return highest > headNow ? Optional.of(new Problem(headNow + 1, Kind.INSERTED,
                "entries exist beyond the chain head")) : Optional.empty();
    }

    private Head head() {
        return jdbc.sql("select last_sequence, last_hash, mac from audit_chain_head where id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3))).single();
    }

    private record Head(long sequence, String hash, String mac) {
    }

    private record Row(long sequence, StoredEntry entry) {
    }

    /** The state of a walk: the two hashes before the current row and the first break in the chain. */
    private static final class Walk {
        private final Checkpoints checkpoints;
        private long expected = 1;
        private String previousHash = ChainHashing.GENESIS;
        private String beforePrevious;
        private Problem broken;
        private long entries;

        Walk(Checkpoints checkpoints) {
            this.checkpoints = checkpoints;
        }

        void next(Row row) {
            entries++;
            if (broken == null) {
                broken = check(row);
            }
            checkpoints.passing(row.sequence, row.entry == null ? null : row.entry.hash());
            beforePrevious = previousHash;
            previousHash = row.entry == null ? null : row.entry.hash();
            expected = row.sequence + 1;
        }

        private Problem check(Row row) {
            if (row.sequence > expected) {
                return new Problem(expected, Kind.DELETED, "entries " + expected + " to " + (row.sequence - 1)
                        + " are missing");
            }
            StoredEntry entry = row.entry;
            if (entry == null) {
                return new Problem(row.sequence, Kind.MODIFIED, "the entry holds values the trail never writes");
            }
            boolean linked = entry.previousHash().equals(previousHash);
            boolean intact = entry.recomputedHash(row.sequence).equals(entry.hash());
            if (linked && intact) {
                return null;
            }
            if (!linked && beforePrevious != null && entry.previousHash().equals(beforePrevious)) {
                return new Problem(row.sequence - 1, Kind.INSERTED, "the entry after it chains to the one before it");
            }
            if (!intact && entry.recomputedHash(row.sequence + 1).equals(entry.hash())) {
                return new Problem(row.sequence, Kind.DELETED, "later entries were renumbered to close the gap");
            }
            if (!intact) {
                return new Problem(row.sequence, Kind.MODIFIED, "the entry does not match its hash");
            }
            return new Problem(row.sequence, Kind.INSERTED, "the entry does not chain to the one before it");
        }

        void end(Head head) {
            long lastSequence = expected - 1;
            if (broken == null && lastSequence < head.sequence) {
                broken = new Problem(lastSequence + 1, Kind.DELETED, "entries up to the chain head are missing");
            } else if (broken == null && !head.hash.equals(previousHash)) {
                broken = new Problem(head.sequence, Kind.HEAD_MISMATCH, "the chain head names another hash");
            }
            checkpoints.finish();
        }

        List<Problem> problems() {
            List<Problem> all = new ArrayList<>(checkpoints.problems());
            if (broken != null) {
                all.add(broken);
            }
            return all;
        }
    }
}
