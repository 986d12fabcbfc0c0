package health.salus.security;

import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs work as Salus itself, with every resource visible. For start-up jobs and the policy's own
 * relationship lookups only: anything done for a person runs as that person.
 */
@Component
public class SystemAccess {

    public <T> T call(String purpose, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new SystemAuthentication(Subject.system(purpose)));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public void run(String purpose, Runnable work) {
        call(purpose, () -> {
            work.run();
            return null;
        });
    }
}
