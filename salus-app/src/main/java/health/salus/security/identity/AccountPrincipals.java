package health.salus.security.identity;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Accounts as Spring Security principals. Spring's own {@code User} is used on purpose: the
 * authorization server stores principals as JSON and only accepts types it knows.
 */
public final class AccountPrincipals {

    private AccountPrincipals() {
    }

    static UserDetails forPasswordCheck(Account account, boolean locked) {
        return User.withUsername(account.username()).password(account.passwordHash()).authorities(authorities(account))
                .accountLocked(locked).disabled(!account.enabled()).build();
    }

    /** The principal of an account that has passed every sign-in step (no password kept). */
    public static UserDetails signedIn(Account account) {
        User user = (User) User.withUsername(account.username()).password("").authorities(authorities(account))
                .build();
        user.eraseCredentials();
        return user;
    }

    private static List<SimpleGrantedAuthority> authorities(Account account) {
        return account.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
    }
}
