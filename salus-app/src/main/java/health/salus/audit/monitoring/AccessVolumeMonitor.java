package health.salus.audit.monitoring;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import health.salus.audit.AuditEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A user touching far more patients than they ever do: distinct patients in the hour up to their
 * latest access, against {@code max(floor, factor × their busiest hour over the baseline)}. The floor
 * keeps new users and quiet weeks from alerting on an ordinary clinic day.
 */
@Component
class AccessVolumeMonitor implements Monitor {

    private static final Duration HOUR = Duration.ofHours(1);

    private final AuditHistory history;
    private final MonitoringProperties.AccessVolume limits;
    /** The busiest hour changes slowly; remembered per user and clock hour, briefly. */
    private final Cache<String, Integer> busiest = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(15)).build();

    AccessVolumeMonitor(AuditHistory history, MonitoringProperties properties) {
        this.history = history;
        this.limits = properties.accessVolume();
    }

    @Override
    public List<AlertCandidate> evaluate(List<AuditEntry> entries) {
        List<AlertCandidate> alerts = new ArrayList<>();
        FailedSignInMonitor.latestBy(entries.stream().filter(PatientAccess::isByUser)
                .filter(entry -> entry.record().patientId() != null).toList(), entry -> entry.record().actor().id())
                .forEach((actorId, entry) -> {
                    Instant to = entry.record().occurredAt();
                    int patients = history.distinctPatients(actorId, to.minus(HOUR), to);
                    if (patients <= limits.floor()) {
                        return;
                    }
                    Instant hour = entry.record().occurredAt().truncatedTo(ChronoUnit.HOURS);
                    int usual = busiest.get(actorId + "|" + hour,
                            key -> history.busiestHour(actorId, hour.minus(limits.baseline()), hour.minus(HOUR)));
                    double threshold = Math.max(limits.floor(), limits.factor() * usual);
                    if (patients > threshold) {
                        alerts.add(new AlertCandidate(AlertRule.ACCESS_VOLUME, "account:" + actorId, actorId, null,
                                "patients-last-hour=" + patients + " usual-busiest-hour=" + usual, entry.sequence(),
                                HOUR));
                    }
                });
        return alerts;
    }
}
