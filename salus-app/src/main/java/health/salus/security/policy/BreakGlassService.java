package health.salus.security.policy;

import health.salus.platform.InvalidFieldsException;
import health.salus.platform.InvalidFieldsException.FieldProblem;
import health.salus.security.BreakGlass;
import health.salus.security.BreakGlassInvoked;
import health.salus.security.CurrentSubject;
import health.salus.security.Subject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link BreakGlass} for the signed-in user: the role check and the request's rules, then the grant. */
@Component
class BreakGlassService implements BreakGlass {

    private final CurrentSubject currentSubject;
    private final PolicyEngine engine;
    private final BreakGlassGrants grants;

    BreakGlassService(CurrentSubject currentSubject, PolicyEngine engine, BreakGlassGrants grants) {
        this.currentSubject = currentSubject;
        this.engine = engine;
        this.grants = grants;
    }

    @Override
    public boolean available() {
        return currentSubject.current().map(this::mayUse).orElse(false);
    }

    @Override
    public BreakGlassInvoked invoke(String patientId, String reason, Optional<Duration> duration) {
        Subject subject = currentSubject.require();
        if (!mayUse(subject)) {
            throw new BreakGlassRefusedException();
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (patientId == null || !patientId.matches("[A-Za-z0-9\\-.]{1,64}")) {
            problems.add(new FieldProblem("patient", "A Patient id is required"));
        }
        String stated = reason == null ? "" : reason.strip();
        if (stated.length() < MIN_REASON || stated.length() > MAX_REASON) {
            problems.add(new FieldProblem("reason", "Say why you need this record (10 to 1000 characters)"));
        }
        Duration lasting = duration.orElse(DEFAULT_DURATION);
        if (lasting.isNegative() || lasting.isZero() || lasting.compareTo(MAX_DURATION) > 0) {
            problems.add(new FieldProblem("minutes", "Between 1 and 240 minutes"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return grants.invoke(subject.id(), patientId, stated, lasting);
    }

    @Override
    public Optional<Instant> activeUntil(String patientId) {
        return currentSubject.current().filter(s -> s.kind() == Subject.Kind.USER)
                .flatMap(subject -> grants.activeUntil(subject.id(), patientId));
    }

    private boolean mayUse(Subject subject) {
        return subject.kind() == Subject.Kind.USER && subject.roles().stream().map(engine.policy()::role)
                .flatMap(Optional::stream).anyMatch(PolicyDocument.RolePolicy::breakGlass);
    }
}
