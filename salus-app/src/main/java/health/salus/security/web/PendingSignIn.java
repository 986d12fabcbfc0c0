package health.salus.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A sign-in that passed the password step and waits for the second factor. It lives in the session
 * beside an empty security context, so until the code is given the user is as anonymous as anyone.
 */
record PendingSignIn(String accountId, Instant passwordAcceptedAt) implements Serializable {

    private static final String ATTRIBUTE = PendingSignIn.class.getName();
    /** The code must follow the password promptly; after this the password step starts over. */
    static final Duration VALID_FOR = Duration.ofMinutes(5);

    static Optional<PendingSignIn> in(HttpServletRequest request, Instant now) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof PendingSignIn pending)) {
            return Optional.empty();
        }
        if (pending.passwordAcceptedAt.plus(VALID_FOR).isBefore(now)) {
            session.removeAttribute(ATTRIBUTE);
            return Optional.empty();
        }
        return Optional.of(pending);
    }

    void store(HttpServletRequest request) {
        request.getSession().setAttribute(ATTRIBUTE, this);
    }

    static void clear(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }
}
