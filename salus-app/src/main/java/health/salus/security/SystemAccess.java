package health.salus.security;

import health.salus.fhir.Interaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs work as Salus itself, with every resource visible. For start-up jobs and the policy's own
 * relationship lookups only: anything done for a person runs as that person. What the work touches
 * is reported once per call ({@link RecordsAccessed}, one event per interaction) rather than per
 * store access, so a job loading thousands of resources costs one audit write, not thousands.
 */
@Component
public class SystemAccess {

    private final ApplicationEventPublisher events;

    SystemAccess(ApplicationEventPublisher events) {
        this.events = events;
    }

    public <T> T call(String purpose, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        SystemAuthentication authentication = new SystemAuthentication(Subject.system(purpose));
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                // what a failed job touched is still reported, without hiding why it failed
                try {
                    report(authentication);
                } catch (RuntimeException reportFailure) {
                    e.addSuppressed(reportFailure);
                }
                throw e;
            }
            // reported while still running as the system, so listeners see who acted
            report(authentication);
            return result;
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

    /** Adds to what the current system call touched; false when no system call is running on this thread. */
    public boolean noteAccessed(Interaction interaction, List<RecordsAccessed.Item> items) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof SystemAuthentication system) {
            system.accessed.computeIfAbsent(interaction, i -> new ArrayList<>()).addAll(items);
            return true;
        }
        return false;
    }

    private void report(SystemAuthentication authentication) {
        Map<Interaction, List<RecordsAccessed.Item>> accessed = new LinkedHashMap<>(authentication.accessed);
        authentication.accessed.clear();
        accessed.forEach((interaction, items) -> events.publishEvent(
                new RecordsAccessed(authentication.subject().id(), interaction, items)));
    }
}
