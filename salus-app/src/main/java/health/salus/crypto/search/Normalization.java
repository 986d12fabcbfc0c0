package health.salus.crypto.search;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The forms values are compared in before they are hashed, the same for what is stored and what is
 * searched: strings folded like FHIR's default string search (case, accents, runs of spaces), phone
 * numbers reduced to their digits, e-mail addresses to lower case.
 */
final class Normalization {

    /** Longer numbers keep only their last ten digits: a leading country code or trunk 0 does not stop a match. */
    static final int PHONE_DIGITS = 10;
    private static final int MAX_LENGTH = 255;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern PHONE_CHARACTERS = Pattern.compile("[+0-9 ().\\-/]+");

    private Normalization() {
    }

    /** Case- and accent-folded, trimmed, inner whitespace collapsed: "  Zoë  Smith" → "zoe smith". */
    static String text(String value) {
        String decomposed = Normalizer.normalize(value, Normalizer.Form.NFD);
        String folded = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).trim();
        return truncate(SPACES.matcher(folded).replaceAll(" "));
    }

    /** As written but trimmed, for {@code :exact}, which honours case and accents. */
    static String exact(String value) {
        return truncate(value.trim());
    }

    /** "+1 (555) 123-4567", "555.123.4567" and "1-555-123-4567" all become "5551234567". */
    static String phone(String value) {
        StringBuilder digits = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        if (digits.isEmpty()) {
            // no digits at all (a vanity word): still compared, folded like text
            return text(value);
        }
        return digits.length() > PHONE_DIGITS ? digits.substring(digits.length() - PHONE_DIGITS) : digits.toString();
    }

    static String email(String value) {
        return truncate(value.trim().toLowerCase(Locale.ROOT));
    }

    /** A contact point value: an e-mail if it has an @, a phone if it is made of phone characters. */
    static String contact(String value) {
        if (value.indexOf('@') >= 0) {
            return email(value);
        }
        String trimmed = value.trim();
        return PHONE_CHARACTERS.matcher(trimmed).matches() ? phone(trimmed) : text(trimmed);
    }

    static String identifier(String value) {
        return truncate(value.trim());
    }

    private static String truncate(String value) {
        return value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) : value;
    }
}
