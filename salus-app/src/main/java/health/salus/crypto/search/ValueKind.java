package health.salus.crypto.search;

/**
 * What an identifying parameter holds, which decides how its values are normalised before hashing
 * and which forms are stored: names and addresses are strings searched by prefix, phonetic codes
 * are matched by sound, and tokens (identifiers, phones, e-mails) are matched whole.
 */
enum ValueKind {
    /** A person's name or part of one: prefix and {@code :exact} search. */
    NAME,
    /** A street line, city or postal code: prefix and {@code :exact} search, like names. */
    ADDRESS,
    /** Names matched by their Double Metaphone codes. */
    PHONETIC,
    /** An identifier value (MRN, SSN, member id): compared as written, since identifiers are case-sensitive. */
    IDENTIFIER,
    /** A phone number: compared by its digits. */
    PHONE,
    /** An e-mail address: compared without regard to case. */
    EMAIL,
    /** Any contact point: a phone or an e-mail, told apart by the value itself. */
    TELECOM;

    boolean isString() {
        return this == NAME || this == ADDRESS || this == PHONETIC;
    }
}
