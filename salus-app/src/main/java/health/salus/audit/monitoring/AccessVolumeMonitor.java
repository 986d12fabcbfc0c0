package health.salus.audit.monitoring;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import health.salus.audit.AuditEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
    /**
     * Per user, an upper bound of their distinct patients in the hour up to {@code to}: the last count
     * plus every patient seen since. A sliding hour only loses patients, so while the bound stays at or
     * under the floor no query is needed; it is recounted when a minute has passed, as other nodes add
     * entries this one does not see. Without it, a client touching thousands of patients recounts its
     * whole last hour on every batch the trail writes.
     */
    private final Cache<String, Counted> upperBound = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(5)).build();
    /** When each user was last alerted on: the alert stays open for the hour, there is nothing new to count. */
    private final Cache<String, Instant> alertedAt = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofHours(2)).build();

    private record Counted(long patients, Instant to) {

        boolean covers(Instant at) {
            return !at.isBefore(to) && at.isBefore(to.plus(RECOUNT));
        }
    }

    private static final Duration RECOUNT = Duration.ofMinutes(1);

    AccessVolumeMonitor(AuditHistory history, MonitoringProperties properties) {
        this.history = history;
        this.limits = properties.accessVolume();
    }

    @Override
    public List<AlertCandidate> evaluate(List<AuditEntry> entries) {
        List<AlertCandidate> alerts = new ArrayList<>();
        List<AuditEntry> accesses = entries.stream().filter(PatientAccess::isByUser)
                .filter(entry -> entry.record().patientId() != null).toList();
        Map<String, Long> newPatients = accesses.stream().collect(Collectors.groupingBy(
                entry -> entry.record().actor().id(), Collectors.mapping(entry -> entry.record().patientId(),
                        Collectors.collectingAndThen(Collectors.toSet(), patients -> (long) patients.size()))));
        FailedSignInMonitor.latestBy(accesses, entry -> entry.record().actor().id())
                .forEach((actorId, entry) -> {
                    Instant to = entry.record().occurredAt();
                    Instant alerted = alertedAt.getIfPresent(actorId);
                    if (alerted != null && !to.isBefore(alerted) && to.isBefore(alerted.plus(HOUR))) {
                        return;
                    }
                    Counted bound = upperBound.getIfPresent(actorId);
                    if (bound != null && bound.covers(to) && bound.patients() + newPatients.get(actorId)
                            <= limits.floor()) {
                        upperBound.put(actorId, new Counted(bound.patients() + newPatients.get(actorId), bound.to()));
                        return;
                    }
                    int patients = history.distinctPatients(actorId, to.minus(HOUR), to);
                    upperBound.put(actorId, new Counted(patients, to));
                    if (patients <= limits.floor()) {
                        return;
                    }
                    Instant hour = entry.record().occurredAt().truncatedTo(ChronoUnit.HOURS);
                    int usual = busiest.get(actorId + "|" + hour,
                            key -> history.busiestHour(actorId, hour.minus(limits.baseline()), hour.minus(HOUR)));
                    double threshold = Math.max(limits.floor(), limits.factor() * usual);
                    if (patients > threshold) {
                        alertedAt.put(actorId, to);
                        alerts.add(new AlertCandidate(AlertRule.ACCESS_VOLUME, "account:" + actorId, actorId, null,
                                "patients-last-hour=" + patients + " usual-busiest-hour=" + usual, entry.sequence(),
                                HOUR));
                    }
                });
        return alerts;
    }
}
