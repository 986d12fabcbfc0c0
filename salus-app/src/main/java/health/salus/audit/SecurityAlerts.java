package health.salus.audit;

import health.salus.security.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The security monitors' alerts for the privacy officer's screen, as {@code /api/audit/alerts} serves
 * them: only {@link #HANDLERS} (a recorded 403 for anyone else), acknowledgements recorded in the trail.
 */
public interface SecurityAlerts {

    /** Alerts name patients and staff under suspicion: privacy officers only. */
    Set<Role> HANDLERS = Set.of(Role.PRIVACY_OFFICER);
    int MAX_NOTE = 500;

    /** Newest first, at most 200; only the unacknowledged ones when {@code openOnly}. */
    List<SecurityAlert> latest(boolean openOnly);

    /**
     * Marks the alert as seen, with the officer's note (optional, at most {@link #MAX_NOTE} characters,
     * else {@code InvalidFieldsException} on {@code note}); empty for an unknown alert. A second
     * acknowledgement keeps the first one's name, time and note.
     */
    Optional<SecurityAlert> acknowledge(String alertId, String note);

    /** An alert: ids and fixed words, plus the acknowledging officer's note. */
    record SecurityAlert(String id, String rule, String severity, String actorId, String patientId, String detail,
            Instant created, Optional<String> acknowledgedBy, Optional<Instant> acknowledgedAt,
            Optional<String> note) {

        public boolean open() {
            return acknowledgedAt.isEmpty();
        }
    }
}
