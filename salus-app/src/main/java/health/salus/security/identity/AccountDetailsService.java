package health.salus.security.identity;

import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads accounts for password sign-in; a locked account fails even with the right password. */
@Service
class AccountDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final Clock clock;

    AccountDetailsService(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Account account = accounts.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
        return AccountPrincipals.forPasswordCheck(account, account.isLocked(clock.instant()));
    }
}
