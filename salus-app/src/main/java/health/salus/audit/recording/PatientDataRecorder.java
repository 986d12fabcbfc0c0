package health.salus.audit.recording;

import health.salus.audit.AuditCategory;
import health.salus.audit.AuditOutcome;
import health.salus.audit.AuditRecord;
import health.salus.audit.AuditTrail;
import health.salus.security.AccessDenied;
import health.salus.security.RecordsAccessed;
import health.salus.security.Role;
import health.salus.security.Subject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import health.salus.platform.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Records every access to patient data the policy allowed or refused, on the thread that made it and
 * before its response leaves: a plain (synchronous) listener, so when the trail cannot be written
 * the request fails instead of answering. A FHIR read outside any transaction hands its records to
 * the trail and holds its answer at the {@link ResponseGate} instead of waiting here. One record per
 * patient compartment and resource type, listing the resource ids.
 */
@Component
class PatientDataRecorder {

    /** Policy lookups Salus makes on its own while serving a request, written with the request's next write. */
    private static final String DEFERRED = PatientDataRecorder.class.getName() + ".deferred";

    private static final Logger log = LoggerFactory.getLogger(PatientDataRecorder.class);

    private final AuditTrail trail;
    private final AuditContext context;
    private final Clock clock;

    PatientDataRecorder(AuditTrail trail, AuditContext context, Clock clock) {
        this.trail = trail;
        this.context = context;
        this.clock = clock;
    }

    @EventListener
    void on(RecordsAccessed event) {
        Subject subject = subjectOf(event.subjectId());
        AuditRecord.Origin origin = context.origin();
        String action = event.operation() != null ? event.operation()
                : event.interaction().name().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Map<Group, List<String>> groups = new LinkedHashMap<>();
        event.items().forEach(item -> groups.computeIfAbsent(new Group(item.compartment(), item.resourceType(),
                item.breakGlass()), g -> new ArrayList<>()).add(item.id()));
        List<AuditRecord> records = new ArrayList<>();
        groups.forEach((group, ids) -> records.add(new AuditRecord(now, AuditCategory.PATIENT_DATA, action,
                AuditOutcome.SUCCESS, actor(subject, group.compartment), group.compartment, group.resourceType,
                ids, AuditContext.purpose(subject, group.breakGlass), origin,
                group.breakGlass ? "break-glass" : null)));
        if (subject.kind() == Subject.Kind.SYSTEM && defer(records)) {
            return;
        }
        Optional<ResponseGate> gate = ResponseGate.current().filter(ResponseGate::holding);
        if (gate.isPresent() && !TransactionSynchronizationManager.isActualTransactionActive()) {
            // a read: appended while the answer is built, which leaves only once this is committed
            gate.get().hold(trail.recordInBackground(withDeferred(records)));
        } else {
            // inside a transaction a failed append must roll the work back, so it is written here
            trail.record(withDeferred(records));
        }
    }

    @EventListener
    void on(AccessDenied event) {
        Subject subject = subjectOf(event.subjectId());
        AuditRecord record = new AuditRecord(clock.instant(), AuditCategory.PATIENT_DATA,
                event.interaction().name().toLowerCase(Locale.ROOT), AuditOutcome.DENIED,
                actor(subject, event.compartment()), event.compartment(), event.resourceType(),
                event.id() == null ? List.of() : List.of(event.id()), AuditContext.purpose(subject, false),
                context.origin(), event.reason() == AccessDenied.Reason.TYPE_NOT_PERMITTED ? "type-not-permitted"
                        : "patient-not-reachable");
        trail.record(withDeferred(List.of(record)));
    }

    /** The current subject when it is the one the event names (it always is, on the acting thread). */
    private Subject subjectOf(String subjectId) {
        return context.subject().filter(subject -> subject.id().equals(subjectId))
                .orElseGet(() -> new Subject(subjectId, subjectId.startsWith("system:") ? Subject.Kind.SYSTEM
                        : Subject.Kind.USER, Set.of(), Optional.empty(),
                        health.salus.security.SmartScopes.ALL, Optional.empty()));
    }

    private AuditRecord.Actor actor(Subject subject, String compartment) {
        // a proxy acts for the patient whose record it is
        String onBehalfOf = subject.hasRole(Role.PROXY) && compartment != null ? "Patient/" + compartment : null;
        return context.actor(subject, onBehalfOf);
    }

    /**
     * The policy's own lookups inside a user's request (a proxy's consents) are not written on their
     * own but with the request's next write, or when the request ends, so a read costs one write.
     */
    @SuppressWarnings("unchecked")
    private boolean defer(List<AuditRecord> records) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null || records.isEmpty()) {
            return false;
        }
        List<AuditRecord> deferred = (List<AuditRecord>) request.getAttribute(DEFERRED, RequestAttributes.SCOPE_REQUEST);
        if (deferred == null) {
            List<AuditRecord> pending = new ArrayList<>();
            request.setAttribute(DEFERRED, pending, RequestAttributes.SCOPE_REQUEST);
            request.registerDestructionCallback(DEFERRED, () -> {
                if (!pending.isEmpty()) {
                    try {
                        trail.record(List.copyOf(pending));
                    } catch (RuntimeException e) {
                        // the response has gone; all that is left is to say so
                        log.error("Deferred audit records of request {} could not be written: {}",
                                RequestIds.current().orElse("?"), e.getClass().getName());
                    }
                }
            }, RequestAttributes.SCOPE_REQUEST);
            deferred = pending;
        }
        deferred.addAll(records);
        return true;
    }

    @SuppressWarnings("unchecked")
    private static List<AuditRecord> withDeferred(List<AuditRecord> records) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        List<AuditRecord> deferred = request == null ? null
                : (List<AuditRecord>) request.getAttribute(DEFERRED, RequestAttributes.SCOPE_REQUEST);
        if (deferred == null || deferred.isEmpty()) {
            return records;
        }
        List<AuditRecord> all = new ArrayList<>(deferred);
        deferred.clear();
        all.addAll(records);
        return all;
    }

    private record Group(String compartment, String resourceType, boolean breakGlass) {
    }
}
