package health.salus.patients.mpi.web;

import health.salus.security.CurrentSubject;
import health.salus.security.Role;
import health.salus.security.Subject;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may use the index's routes. Which patients they then see is the store's policy, not this: the
 * route check only keeps out roles with no business at a patient search or the duplicate queue.
 */
@Component
class MpiAccess {

    /** Staff who look patients up: the front desk registers and books, clinicians and billers find charts. */
    static final Set<Role> SEARCHERS = Set.of(Role.FRONT_DESK, Role.PHYSICIAN, Role.NURSE, Role.CARE_COORDINATOR,
            Role.BILLER);
    /** The duplicate queue is worked by the front desk (who registered the pair) and care coordinators. */
    static final Set<Role> REVIEWERS = Set.of(Role.FRONT_DESK, Role.CARE_COORDINATOR);

    private final CurrentSubject subjects;

    MpiAccess(CurrentSubject subjects) {
        this.subjects = subjects;
    }

    Subject require(Set<Role> roles) {
        Subject subject = subjects.current().orElseThrow(
                () -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in to use this"));
        if (subject.kind() != Subject.Kind.USER || roles.stream().noneMatch(subject::hasRole)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Your role may not use this");
        }
        return subject;
    }
}
