package health.salus.security.credential;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * What a new password must satisfy, after NIST SP 800-63B: length and a blocklist rather than
 * composition rules (no "one digit, one symbol"), because those push people to predictable patterns.
 * Each problem is a sentence for the user; none repeats the password.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    /** Shorter usernames ("jo") occur inside too many good passphrases to be worth rejecting. */
    static final int MIN_USERNAME_LENGTH_TO_CHECK = 3;

    private final BreachedPasswords breachedPasswords;

    public PasswordPolicy(BreachedPasswords breachedPasswords) {
        this.breachedPasswords = breachedPasswords;
    }

    /** The problems with this password for this user; empty when it is acceptable. */
    public List<String> problems(String username, String password) {
        String candidate = password == null ? "" : password;
        // count characters as people see them: an emoji or accented letter is one, not two chars
        int length = candidate.codePointCount(0, candidate.length());
        List<String> problems = new ArrayList<>();
        if (length < MIN_LENGTH) {
            problems.add("Use at least " + MIN_LENGTH + " characters.");
        }
        if (length > MAX_LENGTH) {
            problems.add("Use at most " + MAX_LENGTH + " characters.");
        }
        if (length > 1 && candidate.codePoints().distinct().count() == 1) {
            problems.add("Do not repeat a single character.");
        }
        if (containsUsername(username, candidate)) {
            problems.add("Do not include your username.");
        }
        // the port may ask a remote service; no point for an over-long password that is refused anyway
        if (length > 0 && length <= MAX_LENGTH && breachedPasswords.isBreached(candidate)) {
            problems.add("This password is too common or has appeared in a data breach; choose another.");
        }
        return List.copyOf(problems);
    }

    /** Throws {@link WeakPasswordException} listing the problems, if there are any. */
    public void require(String username, String password) {
        List<String> problems = problems(username, password);
        if (!problems.isEmpty()) {
            throw new WeakPasswordException(problems);
        }
    }

    private static boolean containsUsername(String username, String password) {
        if (username == null || username.strip().length() < MIN_USERNAME_LENGTH_TO_CHECK) {
            return false;
        }
        return password.toLowerCase(Locale.ROOT).contains(username.strip().toLowerCase(Locale.ROOT));
    }
}
