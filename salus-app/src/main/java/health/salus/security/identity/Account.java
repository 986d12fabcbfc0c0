package health.salus.security.identity;

import health.salus.security.Role;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** A user account as stored: credentials, roles, lockout state and second factor. */
public record Account(String id, String username, String displayName, String passwordHash,
        Optional<String> fhirUser, boolean enabled, int failedAttempts, Optional<Instant> lockedUntil,
        Optional<String> totpSecret, long totpLastStep, Set<Role> roles) {

    public Account {
        roles = Set.copyOf(roles);
    }

    public boolean isLocked(Instant now) {
        return lockedUntil.map(now::isBefore).orElse(false);
    }

    public boolean hasTotp() {
        return totpSecret.isPresent();
    }

    /** Staff must use a second factor; patients and family members may choose to. */
    public boolean requiresSecondFactor() {
        return hasTotp() || roles.stream().anyMatch(Role::isStaff);
    }

    @Override
    public String toString() {
        return "Account[" + id + "]";
    }
}
