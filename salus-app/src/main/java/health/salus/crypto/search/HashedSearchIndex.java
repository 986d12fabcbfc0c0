package health.salus.crypto.search;

import health.salus.crypto.search.KeyedHash.Purpose;
import health.salus.fhir.IndexValueTransform;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Indexes identifying values as keyed hashes of their normalised forms. A name or address is stored
 * as one row per prefix length up to {@link #MAX_PREFIX} characters (so FHIR's default "starts with"
 * search becomes an equality lookup of the hashed search value); the row of the longest prefix also
 * carries the hash of the value as written, for {@code :exact}. Phonetic parameters store the hashes
 * of the value's Double Metaphone codes; tokens the hash of the normalised code.
 */
final class HashedSearchIndex implements IndexValueTransform {

    /**
     * Names and street lines are told apart well before 20 characters; a longer search value is
     * matched on its first 20, which can only add values sharing those 20 characters.
     */
    static final int MAX_PREFIX = 20;

    private final IdentifyingParameters parameters;
    private final KeyedHash hash;
    // thread-safe: its only state is the code length, set once here
    private final DoubleMetaphone metaphone = new DoubleMetaphone();

    HashedSearchIndex(IdentifyingParameters parameters, KeyedHash hash) {
        this.parameters = parameters;
        this.hash = hash;
    }

    @Override
    public boolean isIdentifying(String resourceType, String parameter) {
        return parameters.kind(resourceType, parameter).isPresent();
    }

    @Override
    public List<StringForm> stringForms(String resourceType, String parameter, String value) {
        ValueKind kind = kindOf(resourceType, parameter);
        if (kind == ValueKind.PHONETIC) {
            return phoneticCodes(value).stream().map(code -> hash.hash(Purpose.PHONETIC, resourceType, parameter, code))
                    .map(code -> new StringForm(code, code)).toList();
        }
        String normalised = Normalization.text(value);
        int prefixes = Math.min(normalised.length(), MAX_PREFIX);
        List<StringForm> forms = new ArrayList<>(prefixes);
        for (int length = 1; length < prefixes; length++) {
            String prefix = hash.hash(Purpose.PREFIX, resourceType, parameter, normalised.substring(0, length));
            // the exact column cannot be empty; a prefix hash there never equals an exact one
            forms.add(new StringForm(prefix, prefix));
        }
        if (prefixes > 0) {
            forms.add(new StringForm(hash.hash(Purpose.PREFIX, resourceType, parameter, normalised.substring(0, prefixes)),
                    hash.hash(Purpose.EXACT, resourceType, parameter, Normalization.exact(value))));
        }
        return forms;
    }

    @Override
    public List<String> stringLookup(String resourceType, String parameter, StringMatch match, String value) {
        ValueKind kind = kindOf(resourceType, parameter);
        if (kind == ValueKind.PHONETIC) {
            // a sound has no exact form: :exact on a phonetic parameter matches by sound too
            return phoneticCodes(value).stream()
                    .map(code -> hash.hash(Purpose.PHONETIC, resourceType, parameter, code)).toList();
        }
        if (match == StringMatch.EXACT) {
            return List.of(hash.hash(Purpose.EXACT, resourceType, parameter, Normalization.exact(value)));
        }
        String normalised = Normalization.text(value);
        String prefix = normalised.length() > MAX_PREFIX ? normalised.substring(0, MAX_PREFIX) : normalised;
        return List.of(hash.hash(Purpose.PREFIX, resourceType, parameter, prefix));
    }

    @Override
    public String tokenCode(String resourceType, String parameter, String code) {
        String normalised = switch (kindOf(resourceType, parameter)) {
            case PHONE -> Normalization.phone(code);
            case EMAIL -> Normalization.email(code);
            case TELECOM -> Normalization.contact(code);
            case IDENTIFIER -> Normalization.identifier(code);
            case NAME, ADDRESS, PHONETIC -> Normalization.text(code);
        };
        return hash.hash(Purpose.TOKEN, resourceType, parameter, normalised);
    }

    private ValueKind kindOf(String resourceType, String parameter) {
        return parameters.kind(resourceType, parameter).orElseThrow(() -> new IllegalArgumentException(
                resourceType + "." + parameter + " is not an identifying parameter"));
    }

    /** Primary and alternate codes ("Smith": SM0 and XMT), each once. */
    private Set<String> phoneticCodes(String value) {
        String letters = Normalization.text(value).replace(" ", "");
        Set<String> codes = new LinkedHashSet<>(2);
        if (!letters.isEmpty()) {
            addIfPresent(codes, metaphone.doubleMetaphone(letters, false));
            addIfPresent(codes, metaphone.doubleMetaphone(letters, true));
        }
        return codes;
    }

    private static void addIfPresent(Set<String> codes, String code) {
        if (code != null && !code.isEmpty()) {
            codes.add(code);
        }
    }
}
