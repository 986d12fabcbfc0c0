package health.salus.security.web;

import health.salus.security.identity.Account;
import health.salus.security.identity.AccountRepository;
import health.salus.security.identity.SignInAttempts;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * After the password: staff (and anyone who enrolled) go on to the second factor with nothing
 * signed in yet; everyone else is signed in and sent where they were going.
 */
@Component
class SignInSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    private final AccountRepository accounts;
    private final SignInAttempts attempts;
    private final SecurityContextRepository contexts;
    private final Clock clock;

    SignInSuccessHandler(AccountRepository accounts, SignInAttempts attempts, SecurityContextRepository contexts,
            Clock clock) {
        this.accounts = accounts;
        this.attempts = attempts;
        this.contexts = contexts;
        this.clock = clock;
        // "/" sends each user on to their role's home page (the web module)
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, ServletException {
        Account account = accounts.findByUsername(authentication.getName())
                .orElseThrow();
        if (!account.requiresSecondFactor()) {
            attempts.succeeded(account, false);
            super.onAuthenticationSuccess(request, response, authentication);
            return;
        }
        SecurityContextHolder.clearContext();
        contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
        new PendingSignIn(account.id(), clock.instant()).store(request);
        getRedirectStrategy().sendRedirect(request, response, account.hasTotp() ? "/login/mfa" : "/login/mfa/enrol");
    }
}
