package health.salus.security.identity;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins (wrong password or wrong second-factor code). Five in a row lock the
 * account for 15 minutes — long enough to stop guessing, short enough that a locked-out nurse is
 * not stuck; an administrator can also unlock at once.
 */
@Component
public class SignInAttempts {

    public static final int LOCK_AFTER = 5;
    public static final Duration LOCK_FOR = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);

    private final AccountRepository accounts;
    private final Clock clock;

    SignInAttempts(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @EventListener
    void onBadPassword(AuthenticationFailureBadCredentialsEvent event) {
        accounts.findByUsername(event.getAuthentication().getName()).ifPresent(this::failed);
    }

    /** A failed attempt for a known account; logs its id, never the name that was typed. */
    public void failed(Account account) {
        int failures = accounts.recordFailure(account.id(), LOCK_AFTER, clock.instant().plus(LOCK_FOR));
        if (failures >= LOCK_AFTER) {
            log.warn("Account {} locked after {} failed sign-in attempts", account.id(), failures);
        }
    }

    public void succeeded(Account account) {
        accounts.recordSuccess(account.id());
    }
}
