package health.salus.web;

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
 * How every screen writes dates, times, names and coded values for people: in the reader's zone and
 * language's style, names in the order people are addressed in, a concept by its text.
 */
public final class DisplayText {

    private DisplayText() {
    }

    /** "9:00 AM". */
    public static String time(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(instant.atZone(zone));
    }

    /** "Mar 9, 2026, 9:00 AM" (for lists where the zone is said once). */
    public static String dateTime(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .format(instant.atZone(zone));
    }

    /** "Monday, March 9, 2026, 9:00 AM EST": a single time that must not be misread. */
    public static String fullDateTime(Instant instant, ZoneId zone, Locale locale) {
        return fullDate(instant.atZone(zone).toLocalDate(), locale) + ", " + time(instant, zone, locale) + " "
                + zoneName(zone, locale);
    }

    /** "Mar 9, 2026". */
    public static String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    /** "Monday, March 9, 2026". */
    public static String fullDate(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(date);
    }

    /** "EST". */
    public static String zoneName(ZoneId zone, Locale locale) {
        return zone.getDisplayName(TextStyle.SHORT, locale);
    }

    /** Given names then family name; empty when the name holds neither. */
    public static String name(HumanName name) {
        String given = String.join(" ", name.getGiven().stream().map(g -> g.getValue()).toList());
        String family = Optional.ofNullable(name.getFamily()).orElse("");
        return (given + " " + family).strip();
    }

    /** The concept's text, else its first coding's display, else that coding's code; empty for none. */
    public static String concept(CodeableConcept concept) {
        if (concept == null || concept.isEmpty()) {
            return "";
        }
        if (concept.hasText()) {
            return concept.getText();
        }
        return concept.getCoding().stream().map(DisplayText::coding).filter(t -> !t.isBlank()).findFirst()
                .orElse("");
    }

    private static String coding(Coding coding) {
        return coding.hasDisplay() ? coding.getDisplay() : Optional.ofNullable(coding.getCode()).orElse("");
    }
}
