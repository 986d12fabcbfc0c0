package health.salus.audit.monitoring;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import health.salus.audit.AuditEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Access at an hour of the day the user is (almost) never active in: over the baseline, the days on
 * which they were active in this hour are fewer than {@code rareFraction} of their active days. Silent
 * until the user has {@code minActiveDays} of history, so new staff and rare users do not alert.
 */
@Component
class AccessHoursMonitor implements Monitor {

    private final AuditHistory history;
    private final MonitoringProperties.AccessHours limits;
    /** A user's active hours over the baseline, per user and clock hour, remembered briefly. */
    private final Cache<String, List<Instant>> activeHours = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(15)).build();

    AccessHoursMonitor(AuditHistory history, MonitoringProperties properties) {
        this.history = history;
        this.limits = properties.accessHours();
    }

    @Override
    public List<AlertCandidate> evaluate(List<AuditEntry> entries) {
        List<AlertCandidate> alerts = new ArrayList<>();
        FailedSignInMonitor.latestBy(entries.stream().filter(PatientAccess::isByUser).toList(),
                entry -> entry.record().actor().id() + "|" + entry.record().occurredAt().truncatedTo(ChronoUnit.HOURS))
                .values().forEach(entry -> {
                    String actorId = entry.record().actor().id();
                    Instant hour = entry.record().occurredAt().truncatedTo(ChronoUnit.HOURS);
                    List<Instant> baseline = activeHours.get(actorId + "|" + hour,
                            key -> history.activeHours(actorId, hour.minus(limits.baseline()), hour));
                    Set<LocalDate> activeDays = baseline.stream().map(this::day).collect(Collectors.toSet());
                    if (activeDays.size() < limits.minActiveDays()) {
                        return;
                    }
                    int hourOfDay = hourOfDay(entry.record().occurredAt());
                    long daysInHour = baseline.stream().filter(h -> hourOfDay(h) == hourOfDay).map(this::day)
                            .distinct().count();
                    if (daysInHour < limits.rareFraction() * activeDays.size()) {
                        alerts.add(new AlertCandidate(AlertRule.ACCESS_HOURS, "account:" + actorId, actorId, null,
                                "hour-of-day=" + hourOfDay + " days-active-in-hour=" + daysInHour + " active-days="
                                        + activeDays.size(), entry.sequence(), Duration.ofHours(1)));
                    }
                });
        return alerts;
    }

    private LocalDate day(Instant instant) {
        return instant.atZone(limits.zone()).toLocalDate();
    }

    private int hourOfDay(Instant instant) {
        return instant.atZone(limits.zone()).getHour();
    }
}
