package health.salus.patients.mpi.matching;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/**
 * A FHIR Patient read into a {@link PersonRecord}: the official (else usual, else first) name, phones
 * and e-mails from telecom, home addresses, and identifiers other than medical record numbers.
 */
public final class PatientRecords {

    /** v2 table 0203 "MR": a medical record number, assigned anew on every registration. */
    public static final String MRN_TYPE = "MR";
    private static final Map<String, String> STREET_WORDS = Map.ofEntries(Map.entry("street", "st"),
            Map.entry("avenue", "ave"), Map.entry("av", "ave"), Map.entry("road", "rd"), Map.entry("drive", "dr"),
            Map.entry("boulevard", "blvd"), Map.entry("lane", "ln"), Map.entry("court", "ct"),
            Map.entry("place", "pl"), Map.entry("terrace", "ter"), Map.entry("circle", "cir"),
            Map.entry("highway", "hwy"), Map.entry("parkway", "pkwy"), Map.entry("north", "n"),
            Map.entry("south", "s"), Map.entry("east", "e"), Map.entry("west", "w"),
            Map.entry("apartment", "apt"), Map.entry("suite", "ste"), Map.entry("calle", "c"));

    private final Set<String> ignoredSystems;

    /** {@code ignoredSystems}: identifier systems that are not the person's (the clinic's own MRN system). */
    public PatientRecords(Set<String> ignoredSystems) {
        this.ignoredSystems = Set.copyOf(ignoredSystems);
    }

    public PersonRecord from(Patient patient) {
        List<String> given = new ArrayList<>();
        List<String> family = new ArrayList<>();
        name(patient).ifPresent(name -> {
            name.getGiven().forEach(g -> given.addAll(Names.words(g.getValue())));
            family.addAll(Names.words(name.getFamily()));
        });
        Set<String> phones = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        for (ContactPoint telecom : patient.getTelecom()) {
            if (!telecom.hasValue()) {
                continue;
            }
            if (telecom.getSystem() == ContactPoint.ContactPointSystem.EMAIL) {
                emails.add(telecom.getValue().strip().toLowerCase(Locale.ROOT));
            } else if (telecom.getSystem() == ContactPoint.ContactPointSystem.PHONE
                    || telecom.getSystem() == ContactPoint.ContactPointSystem.SMS) {
                phone(telecom.getValue()).ifPresent(phones::add);
            }
        }
        Set<String> postalCodes = new HashSet<>();
        Set<String> streets = new HashSet<>();
        for (Address address : patient.getAddress()) {
            if (address.hasPostalCode()) {
                String code = address.getPostalCode().replaceAll("[^0-9A-Za-z]", "").toUpperCase(Locale.ROOT);
                if (!code.isEmpty()) {
                    postalCodes.add(code.length() > 5 && code.chars().allMatch(Character::isDigit)
                            ? code.substring(0, 5) : code);
                }
            }
            address.getLine().stream().findFirst().map(line -> street(line.getValue()))
                    .filter(s -> !s.isEmpty()).ifPresent(streets::add);
        }
        Map<String, Set<String>> identifiers = new HashMap<>();
        for (Identifier identifier : patient.getIdentifier()) {
            if (identifier.hasSystem() && identifier.hasValue() && !isRecordNumber(identifier)) {
                identifiers.computeIfAbsent(identifier.getSystem(), s -> new HashSet<>())
                        .add(identifier.getValue().strip());
            }
        }
        Optional<String> sex = patient.getGender() == AdministrativeGender.MALE
                || patient.getGender() == AdministrativeGender.FEMALE
                ? Optional.of(patient.getGender().toCode()) : Optional.empty();
        return new PersonRecord(given, family, birthDate(patient), sex, phones, emails, postalCodes, streets,
                identifiers);
    }

    /** A full birth date; a year or year-month alone is treated as missing rather than guessed. */
    private static Optional<LocalDate> birthDate(Patient patient) {
        DateType date = patient.getBirthDateElement();
        if (date == null || date.isEmpty() || date.getPrecision() != TemporalPrecisionEnum.DAY) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay()));
    }

    private boolean isRecordNumber(Identifier identifier) {
        return ignoredSystems.contains(identifier.getSystem()) || identifier.getType().getCoding().stream()
                .anyMatch(coding -> MRN_TYPE.equals(coding.getCode()));
    }

    private static Optional<HumanName> name(Patient patient) {
        return patient.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst()
                .or(() -> patient.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.USUAL).findFirst())
                .or(() -> patient.getName().stream().findFirst());
    }

    /** Digits only, the last ten kept: "+1 (555) 123-4567" → "5551234567". */
    public static Optional<String> phone(String value) {
        String digits = value.replaceAll("[^0-9]", "");
        if (digits.length() < 7) {
            return Optional.empty();
        }
        return Optional.of(digits.length() > 10 ? digits.substring(digits.length() - 10) : digits);
    }

    /** "12 North Oak Street, Apt. 4" → "12 n oak st apt 4". */
    public static String street(String line) {
        if (line == null) {
            return "";
        }
        String folded = java.text.Normalizer.normalize(line, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]+", " ").strip();
        List<String> words = new ArrayList<>();
        for (String word : folded.split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(STREET_WORDS.getOrDefault(word, word));
            }
        }
        return String.join(" ", words);
    }
}
