package health.salus.security.web;

import health.salus.security.RequestOrigin;
import health.salus.security.SecurityEvents.FailureReason;
import health.salus.security.SecurityEvents.SignInFailed;
import health.salus.security.identity.Account;
import health.salus.security.identity.AccountRepository;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * A refused password step: publishes {@link SignInFailed} with the account's id when the username
 * matches one, and otherwise only a SHA-256 of the normalised username (what was typed may be a
 * password pasted in the wrong field, so it is never kept as text), then back to the sign-in page.
 */
@Component
class SignInFailureHandler extends SimpleUrlAuthenticationFailureHandler {

    private final AccountRepository accounts;
    private final ApplicationEventPublisher events;

    SignInFailureHandler(AccountRepository accounts, ApplicationEventPublisher events) {
        super("/login?error");
        this.accounts = accounts;
        this.events = events;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        String username = normalise(request.getParameter("username"));
        Optional<String> accountId = username.isEmpty() ? Optional.empty()
                : accounts.findByUsername(username).map(Account::id);
        events.publishEvent(new SignInFailed(accountId, sha256(username), reason(exception),
                RequestOrigin.of(request)));
        super.onAuthenticationFailure(request, response, exception);
    }

    private static FailureReason reason(AuthenticationException exception) {
        if (exception instanceof BadCredentialsException) {
            return FailureReason.BAD_CREDENTIALS;
        }
        if (exception instanceof LockedException) {
            return FailureReason.LOCKED;
        }
        return exception instanceof DisabledException ? FailureReason.DISABLED : FailureReason.OTHER;
    }

    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
