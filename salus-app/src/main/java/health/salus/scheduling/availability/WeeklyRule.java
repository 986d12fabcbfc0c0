package health.salus.scheduling.availability;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** One row of a practitioner's weekly pattern at a site: working time, or a break within it. */
public record WeeklyRule(String locationId, DayOfWeek day, Kind kind, LocalTime start, LocalTime end) {

    public enum Kind { WORK, BREAK }
}
