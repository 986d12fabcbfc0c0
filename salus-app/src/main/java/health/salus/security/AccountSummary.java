package health.salus.security;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A staff account as the administrator's list shows it: names, roles and state, never a password hash
 * or second-factor secret. {@code mfaEnrolled} tells whether an authenticator is set up; {@code lastSignIn}
 * when the account last completed a sign-in (empty if never, or before Salus kept it).
 */
public record AccountSummary(String id, String username, String displayName, Set<Role> roles, boolean locked,
        boolean disabled, boolean mfaEnrolled, Optional<Instant> lastSignIn) {

    public AccountSummary {
        roles = Set.copyOf(roles);
    }
}
