package health.salus.audit;

import health.salus.security.Role;
import java.util.Optional;
import java.util.Set;

/**
 * The audit chain's verification for those who answer for its integrity, as {@code /api/audit/verification}
 * offers it: the last result and a verification on demand (recorded in the trail). Anyone outside
 * {@link #VERIFIERS} gets a recorded refusal (403).
 */
public interface ChainStatus {

    Set<Role> VERIFIERS = Set.of(Role.AUDITOR, Role.PRIVACY_OFFICER, Role.ADMINISTRATOR);

    /** The last verification this node ran (on its schedule or on demand); empty before the first. */
    Optional<ChainVerification> latest();

    /** Walks the whole chain now. */
    ChainVerification verifyNow();
}
