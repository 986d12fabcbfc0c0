package health.salus.audit.verification;

import health.salus.audit.ChainVerification.Kind;
import health.salus.audit.ChainVerification.Problem;
import health.salus.audit.trail.CheckpointSigner;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The signed checkpoints up to the chain head, read a batch at a time alongside the walk over the
 * entries: each must carry a valid signature and name the hash the entry at its position holds.
 */
final class Checkpoints {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final CheckpointSigner signer;
    private final long upTo;
    private final Deque<Checkpoint> buffer = new ArrayDeque<>();
    private final List<Problem> problems = new ArrayList<>();
    private long after;
    private boolean exhausted;
    private long checked;

    Checkpoints(JdbcClient jdbc, CheckpointSigner signer, long upTo) {
        this.jdbc = jdbc;
        this.signer = signer;
        this.upTo = upTo;
    }

    /** The walk reached the entry at {@code sequence} holding {@code hash} (null when unreadable). */
    void passing(long sequence, String hash) {
        Checkpoint next;
        while ((next = peek()) != null && next.sequence <= sequence) {
            buffer.poll();
            check(next, next.sequence == sequence ? hash : null);
        }
    }

    /** Checkpoints past the last entry name entries that are gone. */
    void finish() {
        Checkpoint next;
        while ((next = peek()) != null) {
            buffer.poll();
            check(next, null);
        }
    }

    long checked() {
        return checked;
    }

    List<Problem> problems() {
        return problems;
    }

    private void check(Checkpoint checkpoint, String entryHash) {
        checked++;
        String wrong = null;
        if (!signer.keyId().equals(checkpoint.keyId)) {
            wrong = "signed with another key than the one configured";
        } else if (!signer.checkpointSigned(checkpoint.sequence, checkpoint.hash, checkpoint.signedAt.toInstant(),
                checkpoint.signature)) {
            wrong = "the signature does not match";
        } else if (entryHash == null) {
            wrong = "the entry it names is missing";
        } else if (!entryHash.equals(checkpoint.hash)) {
            wrong = "the entry it names holds another hash";
        }
        if (wrong != null) {
            problems.add(new Problem(checkpoint.sequence, Kind.CHECKPOINT_MISMATCH, "checkpoint: " + wrong));
        }
    }

    private Checkpoint peek() {
        if (buffer.isEmpty() && !exhausted) {
            List<Checkpoint> batch = jdbc.sql("select sequence, hash, signed_at, key_id, signature from "
                    + "audit_checkpoint where sequence > ? and sequence <= ? order by sequence limit " + BATCH)
                    .params(after, upTo).query((rs, n) -> new Checkpoint(rs.getLong(1), rs.getString(2),
                            rs.getObject(3, OffsetDateTime.class), rs.getString(4), rs.getString(5))).list();
            buffer.addAll(batch);
            exhausted = batch.size() < BATCH;
            after = batch.isEmpty() ? after : batch.get(batch.size() - 1).sequence;
        }
        return buffer.peek();
    }

    private record Checkpoint(long sequence, String hash, OffsetDateTime signedAt, String keyId, String signature) {
    }
}
