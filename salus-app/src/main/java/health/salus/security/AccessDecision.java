package health.salus.security;

import java.util.List;
import java.util.Set;

/**
 * The policy's answer for one resource: permit or deny, why, and what the caller must do with it
 * (elements to mask; whether the access was made under break-glass and must be flagged).
 */
public record AccessDecision(boolean permitted, List<String> reasons, Set<String> maskedElements,
        boolean breakGlass) {

    public AccessDecision {
        reasons = List.copyOf(reasons);
        maskedElements = Set.copyOf(maskedElements);
    }
}
