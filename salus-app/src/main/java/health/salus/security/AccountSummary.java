package health.salus.security;

import java.util.Set;

/**
 * A staff account as the administrator's list shows it: names, roles and state, never a password hash
 * or second-factor secret. {@code mfaEnrolled} tells whether an authenticator is set up.
 */
public record AccountSummary(String id, String username, String displayName, Set<Role> roles, boolean locked,
        boolean disabled, boolean mfaEnrolled) {

    public AccountSummary {
        roles = Set.copyOf(roles);
    }
}
