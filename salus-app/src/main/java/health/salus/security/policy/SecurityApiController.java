package health.salus.security.policy;

import health.salus.security.Accounts;
import health.salus.security.BreakGlassInvoked;
import health.salus.security.CurrentSubject;
import health.salus.security.Role;
import health.salus.security.Subject;
import java.time.Duration;
import java.util.Map;
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

    private static final Set<Role> POLICY_READERS = Set.of(Role.ADMINISTRATOR, Role.PRIVACY_OFFICER, Role.AUDITOR);
    private static final int MAX_REASON = 1000;
    private static final Duration MAX_BREAK_GLASS = Duration.ofHours(4);

    private final CurrentSubject currentSubject;
    private final PolicyEngine engine;
    private final BreakGlassGrants breakGlass;
    private final Accounts accounts;

    SecurityApiController(CurrentSubject currentSubject, PolicyEngine engine, BreakGlassGrants breakGlass,
            Accounts accounts) {
        this.accounts = accounts;
        this.currentSubject = currentSubject;
        this.engine = engine;
        this.breakGlass = breakGlass;
    }

    @GetMapping("/policy")
    PolicyDocument policy() {
        requireAnyRole(POLICY_READERS);
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
        Subject subject = currentSubject.require();
        boolean allowed = subject.kind() == Subject.Kind.USER && subject.roles().stream().map(engine.policy()::role)
                .flatMap(java.util.Optional::stream).anyMatch(PolicyDocument.RolePolicy::breakGlass);
        if (!allowed) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Your role may not use break-glass");
        }
        if (request.patient() == null || !request.patient().matches("[A-Za-z0-9\\-.]{1,64}")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "patient: a Patient id is required");
        }
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.length() < 10 || reason.length() > MAX_REASON) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "reason: say why you need this record (10 to 1000 characters)");
        }
        Duration duration = request.minutes() == null ? BreakGlassGrants.DEFAULT_DURATION
                : Duration.ofMinutes(request.minutes());
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_BREAK_GLASS) > 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "minutes: between 1 and 240");
        }
        BreakGlassInvoked invoked = breakGlass.invoke(subject.id(), request.patient(), reason, duration);
        return new BreakGlassGrant(invoked.grantId(), invoked.accountId(), invoked.patientId(), invoked.expiresAt());
    }

    /** The administrator's way out of a lockout, besides waiting the 15 minutes. */
    @PostMapping("/accounts/{username}/unlock")
    Map<String, Object> unlock(@org.springframework.web.bind.annotation.PathVariable String username) {
        requireAnyRole(Set.of(Role.ADMINISTRATOR));
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
