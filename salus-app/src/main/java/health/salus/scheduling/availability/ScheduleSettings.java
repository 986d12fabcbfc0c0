package health.salus.scheduling.availability;

import java.util.List;

/** Request bodies of the scheduling set-up API (non-patient configuration). */
public final class ScheduleSettings {

    private ScheduleSettings() {
    }

    /** {@code PUT /api/scheduling/locations/{id}}: the site's IANA time zone and its holidays (local dates). */
    public record SiteSettings(String zone, List<String> holidays) {
    }

    /**
     * {@code PUT /api/scheduling/practitioners/{id}}: replaces the practitioner's set-up: specialty code,
     * default visit length, buffer (15 minutes when absent), weekly hours and breaks per site, absences.
     */
    public record PractitionerSettings(String specialty, Integer defaultMinutes, Integer bufferMinutes,
            List<Hours> hours, List<Hours> breaks, List<Absence> absences) {
    }

    /** {@code dayOfWeek} MONDAY…SUNDAY, {@code start}/{@code end} local times (HH:mm) at the site. */
    public record Hours(String location, String dayOfWeek, String start, String end) {
    }

    /** Instants with offset. */
    public record Absence(String start, String end) {
    }
}
