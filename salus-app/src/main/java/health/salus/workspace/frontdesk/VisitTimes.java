package health.salus.workspace.frontdesk;

import health.salus.web.DisplayText;

import health.salus.scheduling.availability.AvailabilityStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * When a visit is, as the desk reads it: in the site's zone (where the patient must be), zone named,
 * and — when the user's own zone differs — also in theirs ("8:00 AM ET — 1:00 PM UTC your time").
 */
@Component
class VisitTimes {

    private final AvailabilityStore availability;
    private final MessageSource messages;

    VisitTimes(AvailabilityStore availability, MessageSource messages) {
        this.availability = availability;
        this.messages = messages;
    }

    String at(Instant start, String locationId, ZoneId userZone, Locale locale) {
        ZoneId site = availability.zone(locationId).orElse(userZone);
        String atSite = DisplayText.fullDateTime(start, site, locale);
        if (site.getRules().getOffset(start).equals(userZone.getRules().getOffset(start))) {
            return atSite;
        }
        return atSite + " — " + messages.getMessage("time.yours", new Object[] {DisplayText.time(start, userZone, locale)
                + " " + DisplayText.zoneName(userZone, locale)}, locale);
    }
}
