package health.salus.scheduling.suggestion;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/** The patient's preferred days and times of day (local to the site); empty sets mean "no preference". */
record Preferences(Set<DayOfWeek> days, List<TimeOfDay> times) {

    static final Preferences NONE = new Preferences(Set.of(), List.of());

    Preferences {
        days = Set.copyOf(days);
        times = List.copyOf(times);
    }

    boolean any() {
        return !days.isEmpty() || !times.isEmpty();
    }

    /** A time-of-day range [start, end) such as 08:00–12:00. */
    record TimeOfDay(LocalTime start, LocalTime end) {

        boolean contains(LocalTime time) {
            return !time.isBefore(start) && time.isBefore(end);
        }
    }
}
