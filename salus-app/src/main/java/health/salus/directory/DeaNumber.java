package health.salus.directory;

import java.util.Optional;
import java.util.Set;

/**
 * A DEA registration number: a registrant-type letter, the registrant's last-name initial (or 9 for
 * some business registrants), six digits and a check digit, the last digit of
 * {@code (d1 + d3 + d5) + 2 * (d2 + d4 + d6)}.
 */
public final class DeaNumber {

    /** The FHIR identifier systems DEA numbers are recorded under (HL7 NamingSystem USDEANumber). */
    public static final String SYSTEM = "urn:oid:2.16.840.1.113883.4.814";
    public static final String SYSTEM_URL = "http://terminology.hl7.org/NamingSystem/USDEANumber";

    private static final Set<Character> REGISTRANT_TYPES = Set.of('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K',
            'L', 'M', 'P', 'R', 'S', 'T', 'U', 'X');

    private DeaNumber() {
    }

    public static boolean isSystem(String system) {
        return SYSTEM.equals(system) || SYSTEM_URL.equals(system);
    }

    /**
     * Why {@code value} is not a DEA number of a registrant named {@code lastName} (which may be
     * unknown: then the second letter is only checked to be a letter or 9); empty when it is one.
     */
    public static Optional<String> validate(String value, Optional<String> lastName) {
        if (value == null || value.length() != 9) {
            return Optional.of("A DEA number is two letters and seven digits");
        }
        if (!REGISTRANT_TYPES.contains(value.charAt(0))) {
            return Optional.of("The first letter of a DEA number is not a DEA registrant type");
        }
        char second = value.charAt(1);
        if (second != '9' && !(second >= 'A' && second <= 'Z')) {
            return Optional.of("The second character of a DEA number is a capital letter or 9");
        }
        Optional<Character> initial = lastName.map(String::strip).filter(name -> !name.isEmpty())
                .map(name -> Character.toUpperCase(name.charAt(0)));
        if (second != '9' && initial.isPresent() && initial.get() != second) {
            return Optional.of("The second letter of a DEA number is the registrant's last-name initial");
        }
        String digits = value.substring(2);
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of("A DEA number ends in seven digits");
        }
        int[] d = digits.chars().map(c -> c - '0').toArray();
        int checksum = d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5]);
        if (checksum % 10 != d[6]) {
            return Optional.of("The check digit of the DEA number does not match");
        }
        return Optional.empty();
    }

    public static Optional<String> validate(String value, String lastName) {
        return validate(value, Optional.ofNullable(lastName));
    }
}
