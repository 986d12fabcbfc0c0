package health.salus.audit.monitoring;

import health.salus.audit.SecurityAlerts;
import health.salus.platform.InvalidFieldsException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The alerts as the privacy officer's screen uses them: the same rule and records as the alert API. */
@Service
class AlertDesk implements SecurityAlerts {

    private static final int MAX_LISTED = 200;
    private static final String ID = "[A-Za-z0-9\\-]{1,64}";

    private final Alerts alerts;
    private final OfficerAccess access;

    AlertDesk(Alerts alerts, OfficerAccess access) {
        this.alerts = alerts;
        this.access = access;
    }

    @Override
    public List<SecurityAlert> latest(boolean openOnly) {
        access.requirePrivacyOfficer("alerts-list");
        return alerts.latest(openOnly, MAX_LISTED).stream().map(AlertDesk::view).toList();
    }

    @Override
    public Optional<SecurityAlert> acknowledge(String alertId, String note) {
        var officer = access.requirePrivacyOfficer("alert-acknowledge");
        Optional<String> text = Optional.ofNullable(note).map(String::strip).filter(n -> !n.isEmpty());
        if (text.map(n -> n.length() > MAX_NOTE).orElse(false)) {
            throw InvalidFieldsException.of("note", "Keep the note to " + MAX_NOTE + " characters or fewer.");
        }
        if (alertId == null || !alertId.matches(ID)) {
            return Optional.empty();
        }
        return alerts.acknowledge(alertId, officer, access.origin(), text).map(AlertDesk::view);
    }

    private static SecurityAlert view(Alert alert) {
        return new SecurityAlert(alert.id(), alert.rule(), alert.severity(), alert.actorId(), alert.patientId(),
                alert.detail(), alert.created(), alert.acknowledgedBy(), alert.acknowledgedAt(), alert.note());
    }
}
