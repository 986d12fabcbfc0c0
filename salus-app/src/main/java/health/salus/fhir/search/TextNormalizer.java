package health.salus.fhir.search;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Case- and accent-insensitive form of strings, as FHIR's default string search requires. */
public final class TextNormalizer {

    public static final int MAX_LENGTH = 255;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private TextNormalizer() {
    }

    public static String normalize(String value) {
        String decomposed = Normalizer.normalize(value, Normalizer.Form.NFD);
        return truncate(MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).trim());
    }

    public static String truncate(String value) {
        return value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) : value;
    }
}
