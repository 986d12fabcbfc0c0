package health.salus.scheduling.reminders;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code salus.scheduling.reminders.*}.
 *
 * @param linkBase   where the confirm/cancel links in reminders point (scheme, host, port; no path)
 * @param linkKey    HMAC-SHA256 key of those links, 32+ random bytes in base64; empty = the public demo key,
 *                   which a prod/production profile refuses
 * @param clinicZone the zone a reminder states the time in when the site has none set
 */
@ConfigurationProperties("salus.scheduling.reminders")
record ReminderProperties(
        @DefaultValue("http://localhost:8080") String linkBase,
        @DefaultValue("") String linkKey,
        @DefaultValue("America/New_York") ZoneId clinicZone) {
}
