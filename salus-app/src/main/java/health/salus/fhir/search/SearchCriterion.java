package health.salus.fhir.search;

import java.util.List;
import java.util.Optional;

/**
 * One AND-ed part of a search: a parameter (with an optional modifier, or a chain to a parameter of
 * the referenced resource) and the values any of which may match.
 */
record SearchCriterion(String param, Optional<String> modifier, Optional<String> chain, List<String> orValues) {

    /** Splits "subject:Patient.name" into the parameter, modifier and chained remainder. */
    static SearchCriterion parse(String key, List<String> orValues) {
        String head = key;
        Optional<String> chain = Optional.empty();
        int dot = key.indexOf('.');
        if (dot > 0) {
            head = key.substring(0, dot);
            chain = Optional.of(key.substring(dot + 1));
        }
        int colon = head.indexOf(':');
        if (colon > 0) {
            return new SearchCriterion(head.substring(0, colon), Optional.of(head.substring(colon + 1)), chain,
                    orValues);
        }
        return new SearchCriterion(head, Optional.empty(), chain, orValues);
    }

    /** Splits a parameter value on commas that are not escaped, unescaping "\," "\|" "\$" "\\" later. */
    static List<String> splitOr(String value) {
        return splitUnescaped(value, ',');
    }

    static List<String> splitUnescaped(String value, char separator) {
        List<String> parts = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                current.append(c).append(value.charAt(++i));
            } else if (c == separator) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    static String unescape(String value) {
        return value.replace("\\,", ",").replace("\\|", "|").replace("\\$", "$").replace("\\\\", "\\");
    }
}
