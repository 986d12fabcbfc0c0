package health.salus.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** NPI and DEA numbers are checked by their published check-digit rules. */
class ProviderIdentifierTest {

    @Test
    void anNpiIsTenDigitsEndingInTheLuhnCheckDigitOverThe80840Prefix() {
        assertThat(NationalProviderIdentifier.isValid("1234567893")).as("CMS's worked example").isTrue();
        assertThat(NationalProviderIdentifier.checkDigit("123456789")).isEqualTo(3);
        String computed = "987654321" + NationalProviderIdentifier.checkDigit("987654321");
        assertThat(NationalProviderIdentifier.isValid(computed)).isTrue();
        assertThat(NationalProviderIdentifier.isValid("1234567890")).as("wrong check digit").isFalse();
        assertThat(NationalProviderIdentifier.isValid("123456789")).as("nine digits").isFalse();
        assertThat(NationalProviderIdentifier.isValid("12345678935")).as("eleven digits").isFalse();
        assertThat(NationalProviderIdentifier.isValid("12345A7893")).as("a letter").isFalse();
        assertThat(NationalProviderIdentifier.isValid(null)).isFalse();
    }

    @Test
    void aDeaNumberHasARegistrantTypeTheLastNameInitialAndAChecksum() {
        // 1+3+5 = 9, 2*(2+4+6) = 24, 33 → check digit 3
        assertThat(DeaNumber.validate("AB1234563", "Brown")).isEmpty();
        assertThat(DeaNumber.validate("MB1234563", "brown")).as("mid-level practitioner, lower-case name").isEmpty();
        assertThat(DeaNumber.validate("A91234563", "Brown")).as("9 in place of the initial").isEmpty();
        assertThat(DeaNumber.validate("AB1234563", Optional.empty())).as("name unknown").isEmpty();
        assertThat(DeaNumber.validate("AB1234564", "Brown")).hasValueSatisfying(
                reason -> assertThat(reason).contains("check digit"));
        assertThat(DeaNumber.validate("AS1234563", "Brown")).hasValueSatisfying(
                reason -> assertThat(reason).contains("last-name initial"));
        assertThat(DeaNumber.validate("NB1234563", "Brown")).as("N is no registrant type").hasValueSatisfying(
                reason -> assertThat(reason).contains("registrant type"));
        assertThat(DeaNumber.validate("AB123456", "Brown")).as("too short").isPresent();
        assertThat(DeaNumber.validate("AB12345X3", "Brown")).as("a letter among the digits").isPresent();
        assertThat(DeaNumber.validate(null, "Brown")).isPresent();
    }
}
