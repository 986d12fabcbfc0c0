package health.salus.crypto.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.salus.fhir.IndexValueTransform.StringForm;
import health.salus.fhir.IndexValueTransform.StringMatch;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The keyed forms: what is stored for a value and what a search value is looked up by. */
class HashedSearchIndexTest {

    private final HashedSearchIndex index = new HashedSearchIndex(new IdentifyingParameters(),
            new KeyedHash(Base64.getDecoder().decode(SearchKeyConfiguration.DEMO_KEY)));

    private List<String> norms(String type, String param, String value) {
        return index.stringForms(type, param, value).stream().map(StringForm::norm).toList();
    }

    private String prefix(String type, String param, String value) {
        return index.stringLookup(type, param, StringMatch.PREFIX, value).get(0);
    }

    @Test
    void aNameIsStoredAsOneHashedRowPerPrefixAndNeverAsItself() {
        List<StringForm> forms = index.stringForms("Patient", "family", "Smith");

        assertThat(forms).hasSize(5);
        assertThat(forms).allSatisfy(form -> {
            assertThat(form.norm()).matches("[bcdfghjklmnpqrst]{32}");
            assertThat(form.exact()).matches("[bcdfghjklmnpqrst]{32}");
        });
        assertThat(norms("Patient", "family", "Smith")).contains(prefix("Patient", "family", "sm"),
                prefix("Patient", "family", "SMITH"), prefix("Patient", "family", "  smith "));
        assertThat(norms("Patient", "family", "Smith")).doesNotContain(prefix("Patient", "family", "mit"),
                prefix("Patient", "family", "smiths"));
    }

    @Test
    void prefixesIgnoreCaseAndAccentsButExactDoesNot() {
        String exact = index.stringForms("Patient", "given", "Zoë").get(2).exact();

        assertThat(norms("Patient", "given", "Zoë")).contains(prefix("Patient", "given", "ZOE"));
        assertThat(index.stringLookup("Patient", "given", StringMatch.EXACT, "Zoë")).containsExactly(exact);
        assertThat(index.stringLookup("Patient", "given", StringMatch.EXACT, "zoë")).doesNotContain(exact);
        assertThat(index.stringLookup("Patient", "given", StringMatch.EXACT, "Zoe")).doesNotContain(exact);
    }

    @Test
    void prefixRowsStopAtTheCapAndLongerSearchesCompareTheirFirstCharacters() {
        String street = "1234 North Desert Willow Boulevard";

        assertThat(index.stringForms("Patient", "address", street)).hasSize(HashedSearchIndex.MAX_PREFIX);
        assertThat(norms("Patient", "address", street)).contains(prefix("Patient", "address", street),
                prefix("Patient", "address", "1234 north desert wi"));
    }

    @Test
    void equalValuesHashDifferentlyForDifferentParametersTypesAndPurposes() {
        String family = prefix("Patient", "family", "smith");

        assertThat(family).isNotEqualTo(prefix("Patient", "given", "smith"))
                .isNotEqualTo(prefix("Practitioner", "family", "smith"))
                .isNotEqualTo(index.stringLookup("Patient", "family", StringMatch.EXACT, "smith").get(0))
                .isNotEqualTo(index.tokenCode("Patient", "identifier", "smith"));
    }

    @Test
    void namesThatSoundAlikeShareAPhoneticForm() {
        List<String> smith = norms("Patient", "phonetic", "Smith");

        assertThat(index.stringLookup("Patient", "phonetic", StringMatch.PREFIX, "Smyth")).containsAnyElementsOf(smith);
        assertThat(index.stringLookup("Patient", "phonetic", StringMatch.PREFIX, "Jones")).doesNotContainAnyElementsOf(
                smith);
    }

    @Test
    void phoneNumbersCompareByTheirDigitsWhateverTheFormatting() {
        String stored = index.tokenCode("Patient", "phone", "+1 (555) 123-4567");

        assertThat(index.tokenCode("Patient", "phone", "555-123-4567")).isEqualTo(stored);
        assertThat(index.tokenCode("Patient", "phone", "555.123.4567")).isEqualTo(stored);
        assertThat(index.tokenCode("Patient", "phone", "1-555-123-4567")).isEqualTo(stored);
        assertThat(index.tokenCode("Patient", "phone", "555-123-4568")).isNotEqualTo(stored);
        assertThat(index.tokenCode("Patient", "telecom", "(555) 123 4567"))
                .isEqualTo(index.tokenCode("Patient", "telecom", "+15551234567"));
    }

    @Test
    void emailAddressesIgnoreCaseAndIdentifiersDoNot() {
        assertThat(index.tokenCode("Patient", "email", "Zoe.Smith@Example.org"))
                .isEqualTo(index.tokenCode("Patient", "email", "zoe.smith@example.ORG"));
        assertThat(index.tokenCode("Patient", "telecom", "Zoe.Smith@Example.org"))
                .isEqualTo(index.tokenCode("Patient", "telecom", "zoe.smith@example.org"));
        assertThat(index.tokenCode("Patient", "identifier", "ab-123"))
                .isNotEqualTo(index.tokenCode("Patient", "identifier", "AB-123"));
    }

    @Test
    void onlyPeopleAndTheirIdentifiersAreIdentifying() {
        assertThat(index.isIdentifying("Patient", "family")).isTrue();
        assertThat(index.isIdentifying("Practitioner", "name")).isTrue();
        assertThat(index.isIdentifying("RelatedPerson", "phone")).isTrue();
        assertThat(index.isIdentifying("Coverage", "identifier")).isTrue();
        assertThat(index.isIdentifying("Patient", "address-state")).isFalse();
        assertThat(index.isIdentifying("Patient", "birthdate")).isFalse();
        assertThat(index.isIdentifying("Organization", "name")).isFalse();
        assertThatThrownBy(() -> index.tokenCode("Organization", "identifier", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anotherKeyGivesOtherHashes() {
        byte[] otherKey = new byte[32];
        HashedSearchIndex other = new HashedSearchIndex(new IdentifyingParameters(), new KeyedHash(otherKey));

        assertThat(other.tokenCode("Patient", "identifier", "M00000001"))
                .isNotEqualTo(index.tokenCode("Patient", "identifier", "M00000001"));
    }
}
