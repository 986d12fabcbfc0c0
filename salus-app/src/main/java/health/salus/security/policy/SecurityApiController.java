package health.salus.security.policy;

import health.salus.security.AccessPolicyReadout;
import health.salus.security.Accounts;
import health.salus.security.BreakGlass;
import health.salus.security.BreakGlassInvoked;
import health.salus.security.CurrentSubject;
import health.salus.security.Role;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The policy as administrators read it, break-glass for clinicians, unlocking for administrators.
 * Alerts moved to the audit module ({@code /api/audit/alerts}), whose monitors raise them.
 */
@RestController
@RequestMapping("/api/security")
class SecurityApiController {

    private final CurrentSubject currentSubject;
    private final PolicyEngine engine;
    private final BreakGlass breakGlass;
    private final Accounts accounts;

    SecurityApiController(CurrentSubject currentSubject, PolicyEngine engine, BreakGlass breakGlass,
            Accounts accounts) {
        this.accounts = accounts;
        this.currentSubject = currentSubject;
        this.engine = engine;
        this.breakGlass = breakGlass;
    }

    @GetMapping("/policy")
    PolicyDocument policy() {
        requireAnyRole(AccessPolicyReadout.READERS);
        return engine.policy();
    }

    /** {@code {"patient": "<Patient id>", "reason": "...", "minutes": 60}} */
    record BreakGlassRequest(String patient, String reason, Integer minutes) {
    }

    /** What the clinician is told: the grant and until when it holds. */
    record BreakGlassGrant(String grantId, String accountId, String patientId, java.time.Instant expiresAt) {
    }

    @PostMapping("/break-glass")
    BreakGlassGrant breakGlass(@RequestBody BreakGlassRequest request) {
        try {
            BreakGlassInvoked invoked = breakGlass.invoke(request.patient(), request.reason(),
                    Optional.ofNullable(request.minutes()).map(Duration::ofMinutes));
            return new BreakGlassGrant(invoked.grantId(), invoked.accountId(), invoked.patientId(), invoked.expiresAt());
        } catch (BreakGlass.BreakGlassRefusedException e) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, e.getMessage());
        }
    }

    /** The administrator's way out of a lockout, besides waiting the 15 minutes. */
    @PostMapping("/accounts/{username}/unlock")
    Map<String, Object> unlock(@org.springframework.web.bind.annotation.PathVariable String username) {
        requireAnyRole(Accounts.ADMINISTRATORS);
        String accountId = accounts.idOf(username)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such account"));
        accounts.unlock(accountId);
        return Map.of("account", accountId, "unlocked", true);
    }

    private void requireAnyRole(Set<Role> roles) {
        if (currentSubject.require().roles().stream().noneMatch(roles::contains)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Your role may not use this");
        }
    }
}
