package health.salus.web;

import health.salus.fhir.Interaction;
import health.salus.security.Role;
import java.util.List;
import java.util.Set;

/**
 * Header links a feature module contributes (a bean per module). A link shows only to users the access
 * policy lets do {@code interaction} on {@code resourceType}, the same question the page itself asks
 * ({@link PageAccess#shows}).
 */
public interface NavigationLinks {

    List<Link> links();

    /**
     * {@code messageKey} names the label in messages*.properties; {@code href} is the page's path;
     * {@code anyPatient}: the interaction must be allowed for every patient, not only those in the user's care.
     * {@code roles}, when not empty, replaces the policy question for pages over what the policy file does
     * not describe (accounts, the audit trail's own tools): the link shows to these roles, the same set the
     * page and its API check ({@link PageAccess#requireAnyRole}).
     */
    record Link(String messageKey, String href, Interaction interaction, String resourceType, boolean anyPatient,
            Set<Role> roles) {

        public Link {
            roles = Set.copyOf(roles);
        }

        public Link(String messageKey, String href, Interaction interaction, String resourceType, boolean anyPatient) {
            this(messageKey, href, interaction, resourceType, anyPatient, Set.of());
        }

        /** A link to a page that opens for {@code roles} only. */
        public static Link forRoles(String messageKey, String href, Set<Role> roles) {
            if (roles.isEmpty()) {
                throw new IllegalArgumentException("a role-gated link names at least one role");
            }
            return new Link(messageKey, href, null, null, false, roles);
        }
    }
}
