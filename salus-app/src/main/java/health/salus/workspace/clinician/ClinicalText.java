package health.salus.workspace.clinician;

import health.salus.web.DisplayText;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * How the chart writes FHIR values for people: a concept's text, a name, a quantity, and dates in the
 * user's zone and language (a date-only value stays a date: it has no zone to convert).
 */
final class ClinicalText {

    private ClinicalText() {
    }

    static String code(CodeableConcept concept) {
        return concept == null ? "" : concept.getCoding().stream().map(Coding::getCode)
                .filter(c -> c != null).findFirst().orElse(concept.getText() == null ? "" : concept.getText());
    }

    static String quantity(Quantity quantity) {
        if (quantity == null || !quantity.hasValue()) {
            return "";
        }
        String unit = quantity.hasUnit() ? quantity.getUnit() : Optional.ofNullable(quantity.getCode()).orElse("");
        unit = switch (unit) {
            case "Cel" -> "°C";
            case "mm[Hg]" -> "mmHg";
            case "/min" -> "/min";
            default -> unit;
        };
        return quantity.getValue().stripTrailingZeros().toPlainString() + (unit.isEmpty() ? "" : " " + unit);
    }

    static String id(Resource resource) {
        return resource.getIdElement().getIdPart();
    }

    /** The id in a {@code Type/id} reference of that type. */
    static Optional<String> idOf(Reference reference, String type) {
        return Optional.ofNullable(reference).map(Reference::getReference)
                .filter(r -> r.startsWith(type + "/")).map(r -> r.substring(type.length() + 1));
    }

    /** When something happened, as an instant for ordering (a date counts from its start in the zone). */
    static Optional<Instant> instant(BaseDateTimeType value, ZoneId zone) {
        if (value == null || value.isEmpty() || value.getValue() == null) {
            return Optional.empty();
        }
        if (value.getPrecision().ordinal() <= TemporalPrecisionEnum.DAY.ordinal()) {
            return Optional.of(localDate(value).atStartOfDay(zone).toInstant());
        }
        return Optional.of(value.getValue().toInstant());
    }

    /** A date or date-time as the user reads it: medium date, and the time in their zone when there is one. */
    static String when(BaseDateTimeType value, ZoneId zone, Locale locale) {
        if (value == null || value.isEmpty() || value.getValue() == null) {
            return "";
        }
        if (value.getPrecision().ordinal() <= TemporalPrecisionEnum.DAY.ordinal()) {
            return date(localDate(value), locale);
        }
        return DisplayText.dateTime(value.getValue().toInstant(), zone, locale);
    }

    static String date(LocalDate date, Locale locale) {
        return DisplayText.date(date, locale);
    }

    static String date(Date date, ZoneId zone, Locale locale) {
        return date(date.toInstant().atZone(zone).toLocalDate(), locale);
    }

    /** The value's own calendar date (year, month or day precision fill in the first month or day). */
    static LocalDate localDate(BaseDateTimeType value) {
        return LocalDate.of(value.getYear(), value.getMonth() == null ? 1 : value.getMonth() + 1,
                value.getDay() == null ? 1 : value.getDay());
    }
}
