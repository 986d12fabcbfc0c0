package health.salus.audit.recording.security;

/**
 * The {@code action} codes security events are recorded under. Monitors and reports select by them,
 * so they are fixed strings, never built from input.
 */
public final class SecurityActions {

    public static final String SIGN_IN = "sign-in";
    public static final String SECOND_FACTOR = "second-factor";
    public static final String ACCOUNT_LOCKED = "account-locked";
    public static final String ACCOUNT_UNLOCKED = "account-unlocked";
    public static final String MFA_ENROLLED = "mfa-enrolled";
    public static final String RECOVERY_CODE_USED = "recovery-code-used";
    public static final String SIGN_OUT = "sign-out";
    public static final String SESSION_REVOKED = "session-revoked";
    public static final String PASSWORD_RESET_REQUESTED = "password-reset-requested";
    public static final String PASSWORD_RESET = "password-reset";
    public static final String ACCOUNT_CREATED = "account-created";
    public static final String ACCOUNT_DISABLED = "account-disabled";
    public static final String ROLE_GRANTED = "role-granted";
    public static final String ROLE_REVOKED = "role-revoked";
    public static final String CLIENT_REGISTERED = "oauth-client-registered";
    public static final String POLICY_CHANGED = "access-policy-changed";
    public static final String BREAK_GLASS = "break-glass";

    private SecurityActions() {
    }
}
