package health.salus.security.credential;

/**
 * Whether a password is known to attackers: common, or seen in a breach corpus. A port so a clinic
 * can choose an offline list or the Pwned Passwords service (see {@link BreachedPasswordsConfiguration}).
 */
public interface BreachedPasswords {

    boolean isBreached(String password);
}
