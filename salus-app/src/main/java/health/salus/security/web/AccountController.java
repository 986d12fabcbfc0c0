package health.salus.security.web;

import health.salus.security.RequestOrigin;
import health.salus.security.SecurityEvents.SessionRevoked;
import health.salus.security.identity.AccountRepository;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/** The signed-in user's own account page: who they are, and their sessions with remote sign-out. */
@Controller
class AccountController {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final AccountRepository accounts;
    private final ApplicationEventPublisher events;

    AccountController(FindByIndexNameSessionRepository<? extends Session> sessions, AccountRepository accounts,
            ApplicationEventPublisher events) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.events = events;
    }

    /** One session as the list shows it: a short handle (never the session id itself) and its times. */
    record SessionView(String handle, Instant started, Instant lastActive, boolean current) {
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal UserDetails principal, HttpServletRequest request, Model model) {
        model.addAttribute("account", accounts.findByUsername(principal.getUsername()).orElseThrow());
        model.addAttribute("sessions", sessionsOf(principal, request));
        return "security/account";
    }

    @PostMapping("/account/sessions/{handle}/sign-out")
    String signOut(@AuthenticationPrincipal UserDetails principal, @PathVariable String handle,
            HttpServletRequest request) {
        Map<String, ? extends Session> own = sessions.findByPrincipalName(principal.getUsername());
        String id = own.keySet().stream().filter(sessionId -> handle(sessionId).equals(handle)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such session"));
        sessions.deleteById(id);
        accounts.findByUsername(principal.getUsername()).ifPresent(account -> events.publishEvent(
                new SessionRevoked(account.id(), handle, RequestOrigin.of(request))));
        return "redirect:/account";
    }

    private List<SessionView> sessionsOf(UserDetails principal, HttpServletRequest request) {
        String currentId = request.getSession().getId();
        return sessions.findByPrincipalName(principal.getUsername()).values().stream()
                .map(session -> new SessionView(handle(session.getId()), session.getCreationTime(),
                        session.getLastAccessedTime(), session.getId().equals(currentId)))
                .sorted(Comparator.comparing(SessionView::lastActive).reversed()).toList();
    }

    /** A stable, non-secret handle for a session: a hash prefix, so the page never shows a usable id. */
    static String handle(String sessionId) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(sessionId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
