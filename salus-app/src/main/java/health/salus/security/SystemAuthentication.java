package health.salus.security;

import health.salus.fhir.Interaction;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** Salus acting for itself (demo loading, the policy's own lookups), never for a person. */
final class SystemAuthentication extends AbstractAuthenticationToken {

    private final transient Subject subject;
    /** What the system call touched so far, reported when it ends (one thread per call). */
    final transient Map<Interaction, List<RecordsAccessed.Item>> accessed = new EnumMap<>(Interaction.class);

    SystemAuthentication(Subject subject) {
        super(List.of());
        this.subject = subject;
        setAuthenticated(true);
    }

    Subject subject() {
        return subject;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return subject.id();
    }
}
