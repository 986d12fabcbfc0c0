package health.salus.security.policy;

import health.salus.fhir.AccessGuard;
import health.salus.fhir.Interaction;
import health.salus.fhir.Visibility;
import health.salus.security.AccessDenied;
import health.salus.security.CurrentSubject;
import health.salus.security.RecordsAccessed;
import health.salus.security.Subject;
import health.salus.security.SystemAccess;
import health.salus.security.support.RequestMemo;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Answers the store's access questions for whoever is signed in. Within one HTTP request the
 * answer is worked out once per interaction (a transaction bundle asks for every entry); across
 * requests nothing is cached, so a revoked consent counts from the next request on.
 */
@Component
class PolicyAccessGuard implements AccessGuard {

    private final CurrentSubject currentSubject;
    private final PolicyEngine engine;
    private final ApplicationEventPublisher events;
    private final SystemAccess systemAccess;

    PolicyAccessGuard(CurrentSubject currentSubject, PolicyEngine engine, ApplicationEventPublisher events,
            SystemAccess systemAccess) {
        this.systemAccess = systemAccess;
        this.currentSubject = currentSubject;
        this.engine = engine;
        this.events = events;
    }

    @Override
    public Visibility visibility(Interaction interaction) {
        Subject subject = currentSubject.require();
        if (subject.kind() == Subject.Kind.SYSTEM) {
            return Visibility.everything();
        }
        return RequestMemo.get("visibility." + subject.id() + "." + interaction,
                () -> engine.visibility(subject, interaction));
    }

    @Override
    public void accessed(Interaction interaction, List<AccessedResource> resources) {
        Subject subject = currentSubject.require();
        if (subject.kind() == Subject.Kind.SYSTEM) {
            List<RecordsAccessed.Item> items = resources.stream()
                    .map(r -> new RecordsAccessed.Item(r.resourceType(), r.id(), r.compartment(), false)).toList();
            // jobs are reported once per system call, not per store access
            if (!systemAccess.noteAccessed(interaction, items)) {
                events.publishEvent(new RecordsAccessed(subject.id(), interaction, items));
            }
            return;
        }
        Set<String> breakGlass = engine.breakGlassPatients(subject);
        events.publishEvent(new RecordsAccessed(subject.id(), interaction, resources.stream()
                .map(r -> new RecordsAccessed.Item(r.resourceType(), r.id(), r.compartment(),
                        r.compartment() != null && breakGlass.contains(r.compartment())
                                && engine.breakGlassOnly(subject, r.compartment())))
                .toList()));
    }

    @Override
    public void refused(Interaction interaction, AccessedResource resource) {
        Subject subject = currentSubject.require();
        AccessDenied.Reason reason = resource.id() == null && resource.compartment() == null
                ? AccessDenied.Reason.TYPE_NOT_PERMITTED : AccessDenied.Reason.PATIENT_NOT_REACHABLE;
        events.publishEvent(new AccessDenied(subject.id(), interaction, resource.resourceType(), resource.id(),
                resource.compartment(), reason));
    }
}
