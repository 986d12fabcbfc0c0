package health.salus.web;

import health.salus.fhir.Interaction;
import java.util.List;

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
     */
    record Link(String messageKey, String href, Interaction interaction, String resourceType, boolean anyPatient) {
    }
}
