package health.salus.crypto.erasure;

import health.salus.crypto.PatientKeysDestroyed;
import health.salus.crypto.keys.DataKeys;
import health.salus.crypto.keys.Owners;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Crypto-shredding: destroys every version of a patient's data key. Every copy sealed with them
 * (current versions, history, replicas, backups of the tables) becomes unreadable at once on this
 * node and within the key cache's expiry on the others.
 */
@Service
public class PatientErasures {

    private final DataKeys keys;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PatientErasures(DataKeys keys, JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
        this.keys = keys;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    public record Erasure(String id, String patientId, int keysDestroyed, Instant erasedAt) {
    }

    @Transactional
    public Erasure erase(String patientId, String actorId, String reason) {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        int destroyed = keys.destroy(Owners.of(patientId));
        jdbc.update("insert into crypto_erasure (id, patient_id, requested_by, reason, keys_destroyed, erased_at) "
                + "values (?, ?, ?, ?, ?, ?)", id, patientId, actorId, reason, destroyed, Timestamp.from(now));
        events.publishEvent(new PatientKeysDestroyed(id, patientId, actorId, reason.length(), destroyed, now));
        return new Erasure(id, patientId, destroyed, now);
    }
}
