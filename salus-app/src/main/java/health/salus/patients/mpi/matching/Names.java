package health.salus.patients.mpi.matching;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folding of names before comparison: accents and case dropped, punctuation to spaces, words split. */
public final class Names {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z ]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Names() {
    }

    /** "  José-María " → "jose maria". */
    public static String fold(String value) {
        if (value == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(value, Normalizer.Form.NFD);
        String lower = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        String letters = NOT_LETTERS.matcher(lower.replace('-', ' ')).replaceAll("");
        return SPACES.matcher(letters).replaceAll(" ").strip();
    }

    /** The words of a folded name. */
    public static List<String> words(String value) {
        String folded = fold(value);
        return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
    }
}
