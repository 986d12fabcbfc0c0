package health.salus.fhir;

import java.util.List;

/**
 * How the search indexes hold the values of identifying parameters (names, addresses, phones, e-mails,
 * identifiers of people) so that no index row carries them in plaintext. The crypto module provides it
 * with keyed hashes; the store never sees a key. Parameters that are not identifying are indexed and
 * searched as plain values, with every modifier.
 *
 * <p>A keyed form can only be compared whole, so an identifying string parameter is stored as one row
 * per form that a search may ask for (e.g. one per prefix length), and a search looks up the keyed
 * form of its value. {@code :contains}, {@code :text} and {@code _sort} have nothing to work on and
 * are refused for these parameters.
 */
public interface IndexValueTransform {

    /** How a string search value is compared: FHIR's default (starts with) or {@code :exact}. */
    enum StringMatch {
        PREFIX, EXACT
    }

    /** One index row of a string value: {@code norm} answers default searches, {@code exact} {@code :exact}. */
    record StringForm(String norm, String exact) {
    }

    /** Whether the index holds this parameter's values only in keyed form. */
    boolean isIdentifying(String resourceType, String parameter);

    /** The rows one value of an identifying string parameter is stored as; {@code value} is as written. */
    List<StringForm> stringForms(String resourceType, String parameter, String value);

    /**
     * The stored forms any of which a search value matches ({@link StringForm#norm} for
     * {@code PREFIX}, {@link StringForm#exact} for {@code EXACT}); {@code value} is as the client sent it.
     */
    List<String> stringLookup(String resourceType, String parameter, StringMatch match, String value);

    /** The stored form of an identifying token's code (a phone number, identifier value …), for writes and searches alike. */
    String tokenCode(String resourceType, String parameter, String code);
}
