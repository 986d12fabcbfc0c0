package health.salus.patients.registration;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers to E.164. No phone-number library is available to the build, so the rule is explicit:
 * a number written with a leading {@code +} is international (country code first digit 1-9, 8 to 15
 * digits in all); anything else is North American (NANP): ten digits, or eleven starting with 1, whose
 * area code and exchange each start with 2-9. Spaces, dots, dashes and brackets are formatting.
 * {@code +1} numbers must pass the NANP rule too.
 */
final class PhoneNumbers {

    private static final Pattern FORMATTING = Pattern.compile("[\\s.()\\-]");
    private static final Pattern NANP = Pattern.compile("[2-9]\\d{2}[2-9]\\d{6}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");

    private PhoneNumbers() {
    }

    static Optional<String> toE164(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String compact = FORMATTING.matcher(written.strip()).replaceAll("");
        if (compact.startsWith("+")) {
            if (!E164.matcher(compact).matches()) {
                return Optional.empty();
            }
            return compact.startsWith("+1") ? nanp(compact.substring(2)) : Optional.of(compact);
        }
        if (compact.length() == 11 && compact.startsWith("1")) {
            return nanp(compact.substring(1));
        }
        return nanp(compact);
    }

    private static Optional<String> nanp(String tenDigits) {
        return NANP.matcher(tenDigits).matches() ? Optional.of("+1" + tenDigits) : Optional.empty();
    }
}
