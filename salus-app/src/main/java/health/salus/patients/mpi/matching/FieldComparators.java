package health.salus.patients.mpi.matching;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * The per-field comparisons: each answers the {@link Level} two values agree at, or empty when either
 * is missing (a missing value weighs nothing). Thresholds on Jaro-Winkler similarity are fixed here
 * because they define the levels; how much each level counts is configuration ({@link MatchModel}).
 */
final class FieldComparators {

    /** Jaro-Winkler at or above this: one slip of the keyboard (a swapped, dropped or wrong letter). */
    static final double TYPO = 0.92;
    /** Jaro-Winkler at or above this: alike, but more than one slip apart. */
    static final double PARTIAL = 0.85;
    private static final double EMAIL_TYPO = 0.90;
    private static final double STREET_AGREE = 0.97;
    private static final double STREET_TYPO = 0.88;
    private static final int MAX_CACHED_CODES = 50_000;
    private static final DateTimeFormatter DIGITS = DateTimeFormatter.BASIC_ISO_DATE;

    private final Nicknames nicknames;
    private final JaroWinklerSimilarity similarity = new JaroWinklerSimilarity();
    private final DoubleMetaphone metaphone = new DoubleMetaphone();
    /** Names repeat a lot (a candidate list is often all Garcías): their codes are worth keeping. */
    private final Map<String, Set<String>> codeCache = new ConcurrentHashMap<>();

    FieldComparators(Nicknames nicknames) {
        this.nicknames = nicknames;
    }

    double similarity(String a, String b) {
        return similarity.apply(a, b);
    }

    /** Given names: the first names against each other; a middle name used as first counts as partial. */
    Optional<Level> given(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        Level best = better(word(a.get(0), b.get(0)), word(String.join(" ", a), String.join(" ", b)));
        for (int i = 0; i < a.size() && best != Level.AGREE; i++) {
            for (int j = 0; j < b.size(); j++) {
                if ((i > 0 || j > 0) && (a.get(i).equals(b.get(j)) || nicknames.equivalent(a.get(i), b.get(j)))) {
                    best = better(best, Level.PARTIAL);
                }
            }
        }
        return Optional.of(best);
    }

    /** Family names: compound surnames ("García López" / "García") share a word, which is partial. */
    Optional<Level> family(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        String first = String.join(" ", a);
        String second = String.join(" ", b);
        if (first.equals(second)) {
            return Optional.of(Level.AGREE);
        }
        if (similarity(first.replace(" ", ""), second.replace(" ", "")) >= TYPO) {
            return Optional.of(Level.TYPO);
        }
        if (a.size() + b.size() > 2 && a.stream().anyMatch(b::contains)) {
            return Optional.of(Level.PARTIAL);
        }
        return Optional.of(soundsAlike(first, second) ? Level.PHONETIC : Level.DISAGREE);
    }

    /** One name word (or a whole multi-word name, for nicknames like "José María" / "Chema"). */
    Level word(String a, String b) {
        if (a.equals(b)) {
            return Level.AGREE;
        }
        if (nicknames.equivalent(a, b)) {
            return Level.NICKNAME;
        }
        double score = similarity(a, b);
        if (score >= TYPO) {
            return Level.TYPO;
        }
        if (soundsAlike(a, b)) {
            return Level.PHONETIC;
        }
        boolean initial = (a.length() == 1 || b.length() == 1) && a.charAt(0) == b.charAt(0);
        return initial || score >= PARTIAL ? Level.PARTIAL : Level.DISAGREE;
    }

    private boolean soundsAlike(String a, String b) {
        Set<String> codes = codes(a);
        return codes.stream().anyMatch(codes(b)::contains);
    }

    private Set<String> codes(String name) {
        if (codeCache.size() > MAX_CACHED_CODES) {
            codeCache.clear();
        }
        return codeCache.computeIfAbsent(name, this::computeCodes);
    }

    private Set<String> computeCodes(String name) {
        String letters = name.replace(" ", "");
        Set<String> codes = new HashSet<>(2);
        String primary = metaphone.doubleMetaphone(letters, false);
        String alternate = metaphone.doubleMetaphone(letters, true);
        if (primary != null && !primary.isEmpty()) {
            codes.add(primary);
        }
        if (alternate != null && !alternate.isEmpty()) {
            codes.add(alternate);
        }
        return Set.copyOf(codes);
    }

    /** Birth dates: day and month swapped, one digit wrong, or the year one off are usual slips. */
    Optional<Level> birthDate(Optional<LocalDate> a, Optional<LocalDate> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        LocalDate x = a.get();
        LocalDate y = b.get();
        if (x.equals(y)) {
            return Optional.of(Level.AGREE);
        }
        if (x.getYear() == y.getYear() && x.getMonthValue() == y.getDayOfMonth()
                && x.getDayOfMonth() == y.getMonthValue()) {
            return Optional.of(Level.TRANSPOSED);
        }
        if (Math.abs(x.getYear() - y.getYear()) == 1 && x.getMonth() == y.getMonth()
                && x.getDayOfMonth() == y.getDayOfMonth()) {
            return Optional.of(Level.YEAR_OFF);
        }
        String first = DIGITS.format(x);
        String second = DIGITS.format(y);
        int differences = 0;
        for (int i = 0; i < first.length(); i++) {
            if (first.charAt(i) != second.charAt(i)) {
                differences++;
            }
        }
        return Optional.of(differences == 1 ? Level.ONE_DIGIT : Level.DISAGREE);
    }

    Optional<Level> sex(Optional<String> a, Optional<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(a.get().equals(b.get()) ? Level.AGREE : Level.DISAGREE);
    }

    /** Phones, postal codes: any value in common agrees. */
    Optional<Level> shared(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(a.stream().anyMatch(b::contains) ? Level.AGREE : Level.DISAGREE);
    }

    /** E-mail: the same address, or the same domain with a slip in the local part. */
    Optional<Level> email(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        Level best = Level.DISAGREE;
        for (String x : a) {
            for (String y : b) {
                if (x.equals(y)) {
                    return Optional.of(Level.AGREE);
                }
                int at = x.lastIndexOf('@');
                int bt = y.lastIndexOf('@');
                if (at > 0 && bt > 0 && x.substring(at).equals(y.substring(bt))
                        && digits(x.substring(0, at)).equals(digits(y.substring(0, bt)))
                        && similarity(x.substring(0, at), y.substring(0, bt)) >= EMAIL_TYPO) {
                    best = Level.TYPO;
                }
            }
        }
        return Optional.of(best);
    }

    /** The digits of an e-mail's local part: "maria.garcia3" and "maria.garcia47" are different mailboxes, not a slip. */
    private static String digits(String local) {
        return local.replaceAll("[^0-9]", "");
    }

    /** Street lines (already folded): nearly the same text with the same house number. */
    Optional<Level> street(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        Level best = Level.DISAGREE;
        for (String x : a) {
            for (String y : b) {
                double score = similarity(x, y);
                if (x.equals(y) || score >= STREET_AGREE && houseNumber(x).equals(houseNumber(y))) {
                    return Optional.of(Level.AGREE);
                }
                if (score >= STREET_TYPO && houseNumber(x).equals(houseNumber(y))) {
                    best = Level.TYPO;
                }
            }
        }
        return Optional.of(best);
    }

    private static String houseNumber(String street) {
        int space = street.indexOf(' ');
        String first = space < 0 ? street : street.substring(0, space);
        return first.chars().allMatch(Character::isDigit) ? first : "";
    }

    /** Identifiers of a system both records carry: one value in common agrees, none disagrees strongly. */
    Optional<Level> identifiers(Map<String, Set<String>> a, Map<String, Set<String>> b) {
        Optional<Level> result = Optional.empty();
        for (Map.Entry<String, Set<String>> entry : a.entrySet()) {
            Set<String> other = b.get(entry.getKey());
            if (other == null || other.isEmpty() || entry.getValue().isEmpty()) {
                continue;
            }
            if (entry.getValue().stream().anyMatch(other::contains)) {
                return Optional.of(Level.AGREE);
            }
            result = Optional.of(Level.DISAGREE);
        }
        return result;
    }

    /** The level that agrees more (declaration order, strongest first). */
    static Level better(Level a, Level b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
