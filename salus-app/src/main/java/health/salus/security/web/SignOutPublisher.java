package health.salus.security.web;

import health.salus.security.RequestOrigin;
import health.salus.security.SecurityEvents.SignedOut;
import health.salus.security.identity.AccountRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/** Publishes {@link SignedOut} when a signed-in user signs out (a half-finished sign-in has no one to name). */
@Component
class SignOutPublisher implements LogoutHandler {

    private final AccountRepository accounts;
    private final ApplicationEventPublisher events;

    SignOutPublisher(AccountRepository accounts, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.events = events;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return;
        }
        accounts.findByUsername(authentication.getName()).ifPresent(account -> events.publishEvent(
                new SignedOut(account.id(), RequestOrigin.of(request))));
    }
}
