package health.salus.audit;

import java.time.Instant;
import java.util.List;

/**
 * The result of checking the whole chain: whether it is intact, how far it was checked, and the
 * problems found, the one at the lowest position first. {@code firstProblem} is {@code null} when
 * the chain is valid.
 */
public record ChainVerification(boolean valid, Instant verifiedAt, long entriesChecked, long checkpointsChecked,
        long headSequence, Problem firstProblem, List<Problem> problems) {

    public ChainVerification {
        problems = List.copyOf(problems);
    }

    /** What is wrong at a position of the chain. */
    public enum Kind {
        /** the entry's content or hash was changed */
        MODIFIED,
        /** the entry at this position is missing */
        DELETED,
        /** an entry at this position was not written by the trail */
        INSERTED,
        /** a signed checkpoint does not match its signature or the entry it names */
        CHECKPOINT_MISMATCH,
        /** the chain head does not match its signature or the last entry */
        HEAD_MISMATCH
    }

    /** {@code detail} is fixed text: positions and kinds, never the content of an entry. */
    public record Problem(long sequence, Kind kind, String detail) {
    }
}
