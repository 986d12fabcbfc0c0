package health.salus.audit;

import java.util.Optional;

/** Checks the audit trail's chain, on demand and on a schedule, and remembers the last answer. */
public interface AuditIntegrity {

    /** Walks the whole chain now (streaming, in constant memory). */
    ChainVerification verify();

    /** The last verification this node ran, if any. */
    Optional<ChainVerification> lastVerification();
}
