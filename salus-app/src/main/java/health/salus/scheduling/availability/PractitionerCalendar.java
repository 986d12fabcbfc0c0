package health.salus.scheduling.availability;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything slot finding needs about one practitioner over a period: set-up, weekly pattern, the
 * time zone of each site, closures (site holidays and own absences, per site id; {@code ""} for the
 * practitioner's own) and the time already reserved, buffers included.
 */
public record PractitionerCalendar(String practitionerId, Optional<String> specialty, int defaultMinutes,
        int bufferMinutes, List<WeeklyRule> rules, Map<String, ZoneId> zones, Map<String, List<Interval>> closures,
        List<Interval> reserved) {

    public static final String OWN_ABSENCES = "";
}
