package health.salus.audit.monitoring;

import java.time.Instant;
import java.util.Optional;

/** An alert as stored and listed: ids and fixed words, and the acknowledging officer's note. */
record Alert(String id, String rule, String severity, String actorId, String patientId, String detail,
        Instant created, Optional<String> acknowledgedBy, Optional<Instant> acknowledgedAt, Optional<String> note) {
}
