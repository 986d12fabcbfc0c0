package health.salus.fhir.search;

/** The comparison prefixes of FHIR number, date and quantity search. */
enum SearchPrefix {
    EQ, NE, GT, LT, GE, LE, SA, EB, AP;

    record Prefixed(SearchPrefix prefix, String value) {
    }

    static Prefixed split(String raw) {
        if (raw.length() > 2 && Character.isLetter(raw.charAt(0)) && Character.isLetter(raw.charAt(1))) {
            String code = raw.substring(0, 2).toUpperCase(java.util.Locale.ROOT);
            for (SearchPrefix prefix : values()) {
                if (prefix.name().equals(code)) {
                    return new Prefixed(prefix, raw.substring(2));
                }
            }
        }
        return new Prefixed(EQ, raw);
    }
}
