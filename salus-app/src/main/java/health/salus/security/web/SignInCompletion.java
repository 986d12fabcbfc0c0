package health.salus.security.web;

import health.salus.security.identity.Account;
import health.salus.security.identity.AccountPrincipals;
import org.springframework.security.core.userdetails.UserDetails;
import health.salus.security.identity.SignInAttempts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/** Signs a user in once every factor has passed, in a fresh session id, and says where to go next. */
@Component
class SignInCompletion {

    private final SecurityContextRepository contexts;
    private final SignInAttempts attempts;
    private final RequestCache requestCache = new HttpSessionRequestCache();
    private final Clock clock;

    SignInCompletion(SecurityContextRepository contexts, SignInAttempts attempts, Clock clock) {
        this.contexts = contexts;
        this.attempts = attempts;
        this.clock = clock;
    }

    /** The factor a TOTP or recovery code counts as (OpenID Connect's {@code amr} "otp"). */
    static final String SECOND_FACTOR = "FACTOR_OTP";

    String complete(Account account, HttpServletRequest request, HttpServletResponse response) {
        UserDetails principal = AccountPrincipals.signedIn(account);
        Instant passwordAt = PendingSignIn.in(request, clock.instant()).map(PendingSignIn::passwordAcceptedAt)
                .orElse(clock.instant());
        List<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
        // when each factor was proven: ID tokens report it as auth_time
        authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                .issuedAt(passwordAt).build());
        authorities.add(FactorGrantedAuthority.withAuthority(SECOND_FACTOR).issuedAt(clock.instant()).build());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
        PendingSignIn.clear(request);
        // a new id for the now fully signed-in session (no fixation across the second step)
        request.changeSessionId();
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        attempts.succeeded(account, true);
        SavedRequest saved = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        return saved != null ? saved.getRedirectUrl() : "/";
    }
}
