package health.salus.messaging;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * How a patient wants to be reached: channel, language (BCP 47, e.g. {@code en}, {@code es}), time zone,
 * and quiet hours in that zone during which messages are held (both empty = none).
 */
public record ContactPreferences(
        Channel preferredChannel,
        String language,
        ZoneId timeZone,
        Optional<LocalTime> quietHoursStart,
        Optional<LocalTime> quietHoursEnd) {
}
