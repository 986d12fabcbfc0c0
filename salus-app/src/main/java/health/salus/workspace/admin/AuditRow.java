package health.salus.workspace.admin;

import health.salus.audit.AuditEntry;
import health.salus.audit.AuditRecord;
import health.salus.security.Accounts;
import health.salus.web.DisplayText;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One audit entry as the search table shows it: the time in the reader's zone, the actor by username
 * where the id is an account (a client or system id as it is), ids and codes otherwise as recorded.
 */
record AuditRow(long sequence, String when, String actor, String roles, String action, String outcome,
        String patientId, String resource, String purpose, String detail) {

    /** Names actors for one page, asking each account once. */
    static final class Actors {
        private final Accounts accounts;
        private final Map<String, String> names = new HashMap<>();

        Actors(Accounts accounts) {
            this.accounts = accounts;
        }

        String name(String actorId) {
            if (actorId == null) {
                return "";
            }
            return names.computeIfAbsent(actorId, id -> accounts.summary(id).map(a -> a.username()).orElse(id));
        }
    }

    static AuditRow of(AuditEntry entry, Actors actors, ZoneId zone, Locale locale) {
        AuditRecord r = entry.record();
        String resource = r.resourceType() == null ? ""
                : r.resourceType() + (r.resourceIds().isEmpty() ? "" : "/" + String.join(", ", r.resourceIds()));
        return new AuditRow(entry.sequence(), DisplayText.dateTime(r.occurredAt(), zone, locale),
                actors.name(r.actor().id()), String.join(", ", r.actor().roles()), r.action(), r.outcome().name(),
                r.patientId() == null ? "" : r.patientId(), resource, r.purpose().name(),
                r.detail() == null ? "" : r.detail());
    }
}
