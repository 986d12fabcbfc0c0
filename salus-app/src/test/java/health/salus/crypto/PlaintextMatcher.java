package health.salus.crypto;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds sought values in text the way a leak would show them: ignoring case and accents (indexes
 * store folded forms), and only as whole words, so that "Mia" is found in "mia garcia" but not in
 * "anemia", which a clinical code display may well contain.
 */
final class PlaintextMatcher {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private PlaintextMatcher() {
    }

    static String fold(String value) {
        return MARKS.matcher(Normalizer.normalize(value, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** The kinds of the sought values (value → kind) that occur in {@code text} as whole words. */
    static Set<String> kindsIn(String text, Map<String, String> sought) {
        String haystack = fold(text);
        Set<String> kinds = new LinkedHashSet<>();
        sought.forEach((value, kind) -> {
            if (containsWord(haystack, fold(value))) {
                kinds.add(kind);
            }
        });
        return kinds;
    }

    static boolean containsWord(String haystack, String needle) {
        if (needle.isBlank()) {
            return false;
        }
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
            boolean startsWord = at == 0 || !Character.isLetterOrDigit(haystack.charAt(at - 1));
            int end = at + needle.length();
            boolean endsWord = end == haystack.length() || !Character.isLetterOrDigit(haystack.charAt(end));
            if (startsWord && endsWord) {
                return true;
            }
        }
        return false;
    }
}
