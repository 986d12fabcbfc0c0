package health.salus.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One thing worth auditing, as reported: who ({@code actor}), about whom ({@code patientId}, the
 * patient compartment), what ({@code resourceType}, {@code resourceIds}, {@code action}), why
 * ({@code purpose}), with what result, from where. Ids only, never names or free text that might
 * hold PHI: {@code detail} is a safe, fixed-vocabulary remark.
 */
public record AuditRecord(Instant occurredAt, AuditCategory category, String action, AuditOutcome outcome,
        Actor actor, String patientId, String resourceType, List<String> resourceIds, PurposeOfUse purpose,
        Origin origin, String detail) {

    public AuditRecord {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(origin, "origin");
        resourceIds = resourceIds == null ? List.of() : List.copyOf(resourceIds);
    }

    /**
     * Who acted: an account or client id ({@code null} for an unknown user, e.g. a failed sign-in with a
     * username that matches no account), their role codes, and for whom they acted when that is someone
     * else (a proxy's patient, the user behind a SMART app).
     */
    public record Actor(String id, List<String> roles, String onBehalfOf) {

        public Actor {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /** Where the request came from; every field may be {@code null} for work Salus does on its own. */
    public record Origin(String clientIp, String userAgent, String requestId) {

        public static final Origin NONE = new Origin(null, null, null);
    }
}
