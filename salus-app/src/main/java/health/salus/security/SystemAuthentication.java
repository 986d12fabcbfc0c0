package health.salus.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** Salus acting for itself (demo loading, the policy's own lookups), never for a person. */
final class SystemAuthentication extends AbstractAuthenticationToken {

    private final transient Subject subject;

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
