package health.salus.portal.display;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.HumanName;

/**
 * How the portal words dates, times, names and coded values: times in the reader's zone and
 * language with the zone named, names as people write them ("Sam Rivera"), a code's text or display.
 */
public final class Display {

    private Display() {
    }

    /** "Monday, March 9, 2026, 9:00 AM EST". */
    public static String dateTime(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(instant.atZone(zone))
                + ", " + time(instant, zone, locale) + " " + zone(zone, locale);
    }

    /** "Mar 9, 2026, 9:00 AM" (short, for lists where the zone is said once). */
    public static String shortDateTime(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .format(instant.atZone(zone));
    }

    public static String time(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(instant.atZone(zone));
    }

    public static String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    public static String zone(ZoneId zone, Locale locale) {
        return zone.getDisplayName(TextStyle.SHORT, locale);
    }

    /** Given names then family name; empty when the name holds neither. */
    public static String name(HumanName name) {
        String given = String.join(" ", name.getGiven().stream().map(g -> g.getValue()).toList());
        String family = Optional.ofNullable(name.getFamily()).orElse("");
        return (given + " " + family).trim();
    }

    /** The concept's text, else its first coding's display, else its code. */
    public static String text(CodeableConcept concept) {
        if (concept == null) {
            return "";
        }
        if (concept.hasText()) {
            return concept.getText();
        }
        return concept.getCoding().stream().map(Display::text).filter(t -> !t.isBlank()).findFirst().orElse("");
    }

    private static String text(Coding coding) {
        return coding.hasDisplay() ? coding.getDisplay() : Optional.ofNullable(coding.getCode()).orElse("");
    }
}
