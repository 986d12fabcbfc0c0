package health.salus.workspace.coordinator;

import health.salus.web.DisplayText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PrimitiveType;

/**
 * Two patient records field by field, as a reviewer compares them: each row says in words whether the
 * two values differ (the page marks it with text and an icon as well as colour), and, where the matcher
 * compared the field, how it judged them.
 */
final class SideBySide {

    /** One field: its message key, both values (several lines where a record holds several) and whether they differ. */
    record Row(String field, List<String> newValues, List<String> candidateValues, boolean differs) {
    }

    private SideBySide() {
    }

    static List<Row> rows(Patient newPatient, Patient candidate, Locale locale) {
        List<Row> rows = new ArrayList<>();
        rows.add(row("name", newPatient, candidate, p -> p.getName().stream().map(DisplayText::name).toList()));
        rows.add(row("birthDate", newPatient, candidate, p -> p.hasBirthDate()
                ? List.of(DisplayText.date(LocalDate.parse(p.getBirthDateElement().getValueAsString()), locale))
                : List.of()));
        rows.add(row("sex", newPatient, candidate, p -> p.hasGender() ? List.of(p.getGender().toCode()) : List.of()));
        rows.add(row("address", newPatient, candidate, p -> p.getAddress().stream().map(SideBySide::address).toList()));
        rows.add(row("phone", newPatient, candidate, p -> telecom(p, ContactPoint.ContactPointSystem.PHONE)));
        rows.add(row("email", newPatient, candidate, p -> telecom(p, ContactPoint.ContactPointSystem.EMAIL)));
        rows.add(row("identifier", newPatient, candidate, p -> p.getIdentifier().stream()
                .map(SideBySide::identifier).toList()));
        return rows;
    }

    private static Row row(String field, Patient a, Patient b, Function<Patient, List<String>> values) {
        List<String> left = values.apply(a).stream().filter(v -> !v.isBlank()).toList();
        List<String> right = values.apply(b).stream().filter(v -> !v.isBlank()).toList();
        return new Row(field, left, right, !normalized(left).equals(normalized(right)));
    }

    private static List<String> normalized(List<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}@.]", "")).sorted()
                .toList();
    }

    private static List<String> telecom(Patient patient, ContactPoint.ContactPointSystem system) {
        return patient.getTelecom().stream().filter(t -> t.getSystem() == system).map(ContactPoint::getValue)
                .filter(Objects::nonNull).toList();
    }

    private static String address(Address address) {
        List<String> parts = new ArrayList<>();
        parts.add(address.getLine().stream().map(PrimitiveType::getValue).collect(Collectors.joining(" ")));
        parts.add(address.getCity());
        parts.add(address.getState());
        parts.add(address.getPostalCode());
        return parts.stream().filter(Objects::nonNull).filter(p -> !p.isBlank()).collect(Collectors.joining(", "));
    }

    /** "MR 12345": the identifier's type code (an MRN says MR) and value, never its system URL. */
    private static String identifier(Identifier identifier) {
        String type = identifier.getType().getCodingFirstRep().hasCode()
                ? identifier.getType().getCodingFirstRep().getCode() + " " : "";
        return (type + Objects.requireNonNullElse(identifier.getValue(), "")).strip();
    }
}
