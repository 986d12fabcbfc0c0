package health.salus.audit.monitoring;

import static health.salus.audit.recording.security.SecurityActions.CLIENT_REGISTERED;
import static health.salus.audit.recording.security.SecurityActions.POLICY_CHANGED;
import static health.salus.audit.recording.security.SecurityActions.ROLE_GRANTED;
import static health.salus.audit.recording.security.SecurityActions.ROLE_REVOKED;

import health.salus.audit.AuditCategory;
import health.salus.audit.AuditEntry;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Changes to who may do what: roles granted or revoked, OAuth clients registered, the access policy
 * changed. One alert per actor and kind of change within the window; the trail holds each change.
 */
@Component
class PrivilegeChangeMonitor implements Monitor {

    private static final Set<String> ACTIONS = Set.of(ROLE_GRANTED, ROLE_REVOKED, CLIENT_REGISTERED, POLICY_CHANGED);

    private final MonitoringProperties properties;

    PrivilegeChangeMonitor(MonitoringProperties properties) {
        this.properties = properties;
    }

    @Override
    public List<AlertCandidate> evaluate(List<AuditEntry> entries) {
        return entries.stream().filter(entry -> entry.record().category() == AuditCategory.ADMINISTRATION
                && ACTIONS.contains(entry.record().action())).map(entry -> {
                    String actorId = entry.record().actor().id();
                    String detail = "action=" + entry.record().action()
                            + (entry.record().detail() == null ? "" : " " + entry.record().detail());
                    return new AlertCandidate(AlertRule.PRIVILEGE_CHANGE,
                            "actor:" + actorId + "|" + entry.record().action(), actorId, null,
                            detail.length() > 500 ? detail.substring(0, 500) : detail, entry.sequence(),
                            properties.privilegeChangeWindow());
                }).toList();
    }
}
