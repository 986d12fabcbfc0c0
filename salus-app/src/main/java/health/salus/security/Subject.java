package health.salus.security;

import java.util.Optional;
import java.util.Set;

/**
 * Who is asking: a signed-in user, a system client, or Salus itself. {@code fhirUser} links a user
 * to their Practitioner, Patient or RelatedPerson; {@code scopes} are what an OAuth token allows
 * (everything for a browser session), and only ever narrow what the roles permit.
 */
public record Subject(String id, Kind kind, Set<Role> roles, Optional<String> fhirUser, SmartScopes scopes,
        Optional<String> launchPatient) {

    public enum Kind { USER, CLIENT, SYSTEM }

    public Subject {
        roles = Set.copyOf(roles);
    }

    public static Subject system(String purpose) {
        return new Subject("system:" + purpose, Kind.SYSTEM, Set.of(), Optional.empty(), SmartScopes.ALL,
                Optional.empty());
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** The id of the linked resource when it is of this type: {@code Practitioner/abc} → {@code abc}. */
    public Optional<String> fhirUserId(String resourceType) {
        return fhirUser.filter(ref -> ref.startsWith(resourceType + "/"))
                .map(ref -> ref.substring(resourceType.length() + 1));
    }
}
