package health.salus.workspace.frontdesk;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;

/** Dates and times as the user reads them: in a given zone, in their language's style, zone named. */
final class Times {

    private Times() {
    }

    static String time(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(instant.atZone(zone));
    }

    static String dateTime(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(instant.atZone(zone))
                + ", " + time(instant, zone, locale) + " " + zoneName(zone, locale);
    }

    static String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(date);
    }

    /** A date as a date input sends it (YYYY-MM-DD); empty for anything else, blank included. */
    static Optional<LocalDate> parseDate(String text) {
        try {
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static String zoneName(ZoneId zone, Locale locale) {
        return zone.getDisplayName(TextStyle.SHORT, locale);
    }
}
