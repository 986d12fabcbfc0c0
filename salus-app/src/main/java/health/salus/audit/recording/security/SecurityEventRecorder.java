package health.salus.audit.recording.security;

import static health.salus.audit.recording.security.SecurityActions.*;

import health.salus.audit.AuditCategory;
import health.salus.audit.AuditOutcome;
import health.salus.audit.AuditRecord;
import health.salus.audit.AuditTrail;
import health.salus.audit.PurposeOfUse;
import health.salus.security.BreakGlassInvoked;
import health.salus.security.CurrentSubject;
import health.salus.security.RequestOrigin;
import health.salus.security.Role;
import health.salus.security.SecurityEvents.AccountCreated;
import health.salus.security.SecurityEvents.AccountDisabled;
import health.salus.security.SecurityEvents.AccountLocked;
import health.salus.security.SecurityEvents.AccountUnlocked;
import health.salus.security.SecurityEvents.MfaEnrolled;
import health.salus.security.SecurityEvents.OAuthClientRegistered;
import health.salus.security.SecurityEvents.PasswordReset;
import health.salus.security.SecurityEvents.PasswordResetRequested;
import health.salus.security.SecurityEvents.RecoveryCodeUsed;
import health.salus.security.SecurityEvents.RoleGranted;
import health.salus.security.SecurityEvents.RoleRevoked;
import health.salus.security.SecurityEvents.SecondFactorFailed;
import health.salus.security.SecurityEvents.SessionRevoked;
import health.salus.security.SecurityEvents.SignInFailed;
import health.salus.security.SecurityEvents.SignInSucceeded;
import health.salus.security.SecurityEvents.SignedOut;
import health.salus.security.Subject;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the security module's events into the audit trail as they happen, on the publishing thread:
 * when the trail cannot be written the sign-in, role change or break-glass fails with it (fail
 * closed). Details carry ids and fixed words only.
 */
@Component
class SecurityEventRecorder {

    private final AuditTrail trail;
    private final CurrentSubject currentSubject;
    private final Clock clock;

    SecurityEventRecorder(AuditTrail trail, CurrentSubject currentSubject, Clock clock) {
        this.trail = trail;
        this.currentSubject = currentSubject;
        this.clock = clock;
    }

    @EventListener
    void on(SignInSucceeded event) {
        record(AuditCategory.AUTHENTICATION, SIGN_IN, AuditOutcome.SUCCESS, actor(event.accountId(), event.roles()),
                event.origin(), event.secondFactor() ? "factors=password,otp" : "factors=password");
    }

    @EventListener
    void on(SignInFailed event) {
        String reason = "reason=" + event.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
        // an unknown username is kept only as its hash, so repeated guesses at one name can be told apart
        String detail = event.accountId().isPresent() ? reason : reason + " username-sha256=" + event.usernameSha256();
        record(AuditCategory.AUTHENTICATION, SIGN_IN, AuditOutcome.DENIED,
                new AuditRecord.Actor(event.accountId().orElse(null), List.of(), null), event.origin(), detail);
    }

    @EventListener
    void on(SecondFactorFailed event) {
        record(AuditCategory.AUTHENTICATION, SECOND_FACTOR, AuditOutcome.DENIED, actor(event.accountId()),
                event.origin(), null);
    }

    @EventListener
    void on(AccountLocked event) {
        record(AuditCategory.AUTHENTICATION, ACCOUNT_LOCKED, AuditOutcome.SUCCESS, actor(event.accountId()),
                event.origin(), "until=" + event.lockedUntil());
    }

    @EventListener
    void on(AccountUnlocked event) {
        record(AuditCategory.ADMINISTRATION, ACCOUNT_UNLOCKED, AuditOutcome.SUCCESS, actor(event.actorId()),
                event.origin(), "account=" + event.accountId());
    }

    @EventListener
    void on(MfaEnrolled event) {
        record(AuditCategory.AUTHENTICATION, MFA_ENROLLED, AuditOutcome.SUCCESS, actor(event.accountId()),
                event.origin(), "factor=totp");
    }

    @EventListener
    void on(RecoveryCodeUsed event) {
        record(AuditCategory.AUTHENTICATION, RECOVERY_CODE_USED, AuditOutcome.SUCCESS, actor(event.accountId()),
                event.origin(), "remaining=" + event.remaining());
    }

    @EventListener
    void on(SignedOut event) {
        record(AuditCategory.AUTHENTICATION, SIGN_OUT, AuditOutcome.SUCCESS, actor(event.accountId()),
                event.origin(), null);
    }

    @EventListener
    void on(SessionRevoked event) {
        record(AuditCategory.AUTHENTICATION, SESSION_REVOKED, AuditOutcome.SUCCESS, actor(event.accountId()),
                event.origin(), "session=" + event.sessionHandle());
    }

    @EventListener
    void on(PasswordResetRequested event) {
        // whoever asked is anonymous: the trail names the account the link went to, not an actor
        record(AuditCategory.AUTHENTICATION, PASSWORD_RESET_REQUESTED, AuditOutcome.SUCCESS,
                new AuditRecord.Actor(null, List.of(), null), event.origin(), "account=" + event.accountId());
    }

    @EventListener
    void on(PasswordReset event) {
        record(AuditCategory.AUTHENTICATION, PASSWORD_RESET, AuditOutcome.SUCCESS, actor(event.accountId()),
                event.origin(), "sessions-ended=" + event.sessionsEnded());
    }

    @EventListener
    void on(AccountCreated event) {
        record(AuditCategory.ADMINISTRATION, ACCOUNT_CREATED, AuditOutcome.SUCCESS, actor(event.actorId()),
                event.origin(), "account=" + event.accountId() + " roles=" + String.join(",", codes(event.roles())));
    }

    @EventListener
    void on(AccountDisabled event) {
        record(AuditCategory.ADMINISTRATION, ACCOUNT_DISABLED, AuditOutcome.SUCCESS, actor(event.actorId()),
                event.origin(), "account=" + event.accountId());
    }

    @EventListener
    void on(RoleGranted event) {
        record(AuditCategory.ADMINISTRATION, ROLE_GRANTED, AuditOutcome.SUCCESS, actor(event.actorId()),
                event.origin(), "account=" + event.accountId() + " role=" + event.role().code());
    }

    @EventListener
    void on(RoleRevoked event) {
        record(AuditCategory.ADMINISTRATION, ROLE_REVOKED, AuditOutcome.SUCCESS, actor(event.actorId()),
                event.origin(), "account=" + event.accountId() + " role=" + event.role().code());
    }

    @EventListener
    void on(OAuthClientRegistered event) {
        record(AuditCategory.ADMINISTRATION, CLIENT_REGISTERED, AuditOutcome.SUCCESS, actor(event.actorId()),
                event.origin(), "client=" + event.clientId() + " kind=" + event.kind() + " roles="
                        + String.join(",", codes(event.roles())));
    }

    @EventListener
    void on(BreakGlassInvoked event) {
        trail.record(new AuditRecord(clock.instant(), AuditCategory.SECURITY, BREAK_GLASS, AuditOutcome.SUCCESS,
                actor(event.accountId()), event.patientId(), "Patient", List.of(event.patientId()),
                PurposeOfUse.BREAK_GLASS, origin(event.origin()),
                "grant=" + event.grantId() + " until=" + event.expiresAt()));
    }

    private void record(AuditCategory category, String action, AuditOutcome outcome, AuditRecord.Actor actor,
            RequestOrigin origin, String detail) {
        trail.record(new AuditRecord(clock.instant(), category, action, outcome, actor, null, null, List.of(),
                PurposeOfUse.OPERATIONS, origin(origin), detail));
    }

    /** The actor with their roles when they are the one making this request (an administrator, say). */
    private AuditRecord.Actor actor(String id) {
        List<String> roles = currentSubject.current().filter(subject -> subject.id().equals(id))
                .map(Subject::roles).map(SecurityEventRecorder::codes).orElse(List.of());
        return new AuditRecord.Actor(id, roles, null);
    }

    private static AuditRecord.Actor actor(String id, Collection<Role> roles) {
        return new AuditRecord.Actor(id, codes(roles), null);
    }

    private static List<String> codes(Collection<Role> roles) {
        return roles.stream().map(Role::code).sorted().toList();
    }

    static AuditRecord.Origin origin(RequestOrigin origin) {
        return origin == null ? AuditRecord.Origin.NONE
                : new AuditRecord.Origin(origin.clientIp(), origin.userAgent(), origin.requestId());
    }
}
