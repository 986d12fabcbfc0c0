package health.salus.security.identity;

import health.salus.security.RequestOrigin;
import health.salus.security.SecurityEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
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
    private final ApplicationEventPublisher events;

    SignInAttempts(AccountRepository accounts, Clock clock, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.clock = clock;
        this.events = events;
    }

    @EventListener
    void onBadPassword(AuthenticationFailureBadCredentialsEvent event) {
        accounts.findByUsername(event.getAuthentication().getName()).ifPresent(this::failed);
    }

    /** A failed attempt for a known account; logs its id, never the name that was typed. */
    public void failed(Account account) {
        Instant lockUntil = clock.instant().plus(LOCK_FOR);
        int failures = accounts.recordFailure(account.id(), LOCK_AFTER, lockUntil);
        if (failures >= LOCK_AFTER) {
            log.warn("Account {} locked after {} failed sign-in attempts", account.id(), failures);
            events.publishEvent(new SecurityEvents.AccountLocked(account.id(), lockUntil, RequestOrigin.current()));
        }
    }

    /** Every factor passed: the failure count starts over and the sign-in is published. */
    public void succeeded(Account account, boolean secondFactor) {
        accounts.recordSuccess(account.id());
        accounts.recordSignIn(account.id(), clock.instant());
        events.publishEvent(new SecurityEvents.SignInSucceeded(account.id(), account.roles(), secondFactor,
                RequestOrigin.current()));
    }
}
