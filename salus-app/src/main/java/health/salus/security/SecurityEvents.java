package health.salus.security;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The security events Salus publishes where they happen, each named in the past tense and carrying
 * ids only (never a username, password, code or reason text) and the request's {@link RequestOrigin}.
 * The audit module records every one; they are grouped here so the vocabulary reads in one place.
 * {@code actorId} is who did it: an account id, a {@code client:} id, or a {@code system:} id.
 */
public final class SecurityEvents {

    private SecurityEvents() {
    }

    /** Every factor passed; {@code secondFactor} tells whether one was asked for. */
    public record SignInSucceeded(String accountId, Set<Role> roles, boolean secondFactor, RequestOrigin origin) {
        public SignInSucceeded {
            roles = Set.copyOf(roles);
        }
    }

    /**
     * The password step failed. {@code accountId} is present when the username matched an account;
     * the username itself is kept only as the SHA-256 (hex) of its trimmed lower-case form.
     */
    public record SignInFailed(Optional<String> accountId, String usernameSha256, FailureReason reason,
            RequestOrigin origin) {
    }

    public enum FailureReason { BAD_CREDENTIALS, LOCKED, DISABLED, OTHER }

    /** A wrong TOTP or recovery code after a good password. */
    public record SecondFactorFailed(String accountId, RequestOrigin origin) {
    }

    public record AccountLocked(String accountId, Instant lockedUntil, RequestOrigin origin) {
    }

    public record AccountUnlocked(String accountId, String actorId, RequestOrigin origin) {
    }

    public record MfaEnrolled(String accountId, RequestOrigin origin) {
    }

    public record RecoveryCodeUsed(String accountId, int remaining, RequestOrigin origin) {
    }

    /** The user signed out of this session. */
    public record SignedOut(String accountId, RequestOrigin origin) {
    }

    /** The user ended one of their other sessions from the account page. */
    public record SessionRevoked(String accountId, String sessionHandle, RequestOrigin origin) {
    }

    /** A password-reset link was sent for the account (the caller stays anonymous: they may not be its owner). */
    public record PasswordResetRequested(String accountId, RequestOrigin origin) {
    }

    /** The account's password was set through a reset link; {@code sessionsEnded} of its sessions were signed out. */
    public record PasswordReset(String accountId, int sessionsEnded, RequestOrigin origin) {
    }

    public record AccountCreated(String accountId, Set<Role> roles, String actorId, RequestOrigin origin) {
        public AccountCreated {
            roles = Set.copyOf(roles);
        }
    }

    public record AccountDisabled(String accountId, String actorId, RequestOrigin origin) {
    }

    public record RoleGranted(String accountId, Role role, String actorId, RequestOrigin origin) {
    }

    public record RoleRevoked(String accountId, Role role, String actorId, RequestOrigin origin) {
    }

    /** An OAuth client was registered: {@code kind} is {@code system} or {@code smart-app}. */
    public record OAuthClientRegistered(String clientId, String kind, Set<Role> roles, String actorId,
            RequestOrigin origin) {
        public OAuthClientRegistered {
            roles = Set.copyOf(roles);
        }
    }

    /**
     * The access policy was loaded at start-up; {@code contentSha256} is the hash of the file's bytes,
     * which the audit trail compares with the last one it recorded to tell a change.
     */
    public record AccessPolicyLoaded(String contentSha256, String source) {
    }
}
