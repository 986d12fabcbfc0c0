package health.salus.security.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TotpTest {

    /** The SHA-1 seed of RFC 6238 appendix B. */
    private static final TotpSecret RFC_KEY =
            new TotpSecret("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    private static final long NOW = 1_111_111_111L;
    private static final long NOW_STEP = NOW / 30;

    private final Totp totp = at(NOW);

    /** RFC 6238 appendix B, SHA-1 rows: the generator as configured reproduces the published codes. */
    @ParameterizedTest
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471",
            "1234567890, 89005924", "2000000000, 69279037", "20000000000, 65353130"})
    void theGeneratorMatchesTheRfcVectors(long unixTime, String eightDigits) throws Exception {
        TimeBasedOneTimePasswordGenerator eight = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 8);

        assertThat(eight.generateOneTimePasswordString(rfcKey(), Instant.ofEpochSecond(unixTime), Locale.ROOT))
                .isEqualTo(eightDigits);
    }

    /** Six digits are the same truncation, modulo 10^6: the last six digits of each RFC value. */
    @ParameterizedTest
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471",
            "1234567890, 89005924", "2000000000, 69279037", "20000000000, 65353130"})
    void verifyAcceptsTheRfcCodeAndReturnsItsStep(long unixTime, String eightDigits) {
        assertThat(at(unixTime).verify(RFC_KEY, eightDigits.substring(2), Totp.NO_STEP_USED))
                .hasValue(unixTime / 30);
    }

    @Test
    void aCodeOneStepEitherSideIsAcceptedForClockDrift() {
        assertThat(totp.verify(RFC_KEY, codeAt(NOW_STEP - 1), Totp.NO_STEP_USED)).hasValue(NOW_STEP - 1);
        assertThat(totp.verify(RFC_KEY, codeAt(NOW_STEP + 1), Totp.NO_STEP_USED)).hasValue(NOW_STEP + 1);
    }

    @Test
    void aCodeTwoStepsAwayIsRejected() {
        assertThat(totp.verify(RFC_KEY, codeAt(NOW_STEP - 2), Totp.NO_STEP_USED)).isEmpty();
        assertThat(totp.verify(RFC_KEY, codeAt(NOW_STEP + 2), Totp.NO_STEP_USED)).isEmpty();
    }

    @Test
    void aUsedCodeCannotBeReplayed() {
        long used = totp.verify(RFC_KEY, codeAt(NOW_STEP), Totp.NO_STEP_USED).orElseThrow();

        assertThat(totp.verify(RFC_KEY, codeAt(NOW_STEP), used)).isEmpty();
    }

    @Test
    void anEarlierStepIsRejectedOnceALaterOneWasUsed() {
        assertThat(totp.verify(RFC_KEY, codeAt(NOW_STEP - 1), NOW_STEP)).isEmpty();
        assertThat(totp.verify(RFC_KEY, codeAt(NOW_STEP + 1), NOW_STEP)).hasValue(NOW_STEP + 1);
    }

    @Test
    void aCodeFromAnotherSecretIsRejected() {
        TotpSecret other = totp.newSecret();

        assertThat(totp.verify(other, codeAt(NOW_STEP), Totp.NO_STEP_USED)).isEmpty();
    }

    @Test
    void spacesAsAppsDisplayThemAreIgnored() {
        String code = codeAt(NOW_STEP);

        assertThat(totp.verify(RFC_KEY, code.substring(0, 3) + " " + code.substring(3), Totp.NO_STEP_USED))
                .hasValue(NOW_STEP);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"05047", "0140504", "14050471", "14O471", "1405-1", "١٤٠٥٠٤"})
    void malformedCodesAreRejected(String code) {
        assertThat(totp.verify(RFC_KEY, code, Totp.NO_STEP_USED)).isEmpty();
    }

    @Test
    void newSecretsAreTwentyRandomBytes() {
        TotpSecret first = totp.newSecret();
        TotpSecret second = totp.newSecret();

        assertThat(first.key()).hasSize(20);
        assertThat(first).isNotEqualTo(second);
        assertThat(first.base32()).matches("[A-Z2-7]{32}");
    }

    @Test
    void theProvisioningUriFollowsTheKeyUriFormat() {
        TotpSecret secret = TotpSecret.fromBase32("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");

        String uri = totp.provisioningUri(secret, "alice@example.org", "Salus Clinic");

        assertThat(uri).isEqualTo("otpauth://totp/Salus%20Clinic:alice%40example.org"
                + "?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Salus%20Clinic&algorithm=SHA1&digits=6&period=30");
        assertThat(URI.create(uri).getPath()).isEqualTo("/Salus Clinic:alice@example.org");
    }

    @Test
    void reservedCharactersInTheLabelAreEncoded() {
        String uri = totp.provisioningUri(totp.newSecret(), "a&b=c?d#e/f", "Clinic+Co");

        assertThat(URI.create(uri).getPath()).isEqualTo("/Clinic+Co:a&b=c?d#e/f");
        assertThat(URI.create(uri).getRawQuery()).contains("&issuer=Clinic%2BCo&");
    }

    @Test
    void aColonInTheIssuerOrAccountIsRefused() {
        TotpSecret secret = totp.newSecret();

        assertThatThrownBy(() -> totp.provisioningUri(secret, "alice", "Salus: North"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> totp.provisioningUri(secret, "alice:admin", "Salus"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Totp at(long unixTime) {
        return new Totp(Clock.fixed(Instant.ofEpochSecond(unixTime), ZoneOffset.UTC));
    }

    /** An independent oracle: the library's own 6-digit defaults, not the class under test. */
    private static String codeAt(long step) {
        try {
            return new TimeBasedOneTimePasswordGenerator()
                    .generateOneTimePasswordString(rfcKey(), Instant.ofEpochSecond(step * 30), Locale.ROOT);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SecretKeySpec rfcKey() {
        return new SecretKeySpec(RFC_KEY.key(), "HmacSHA1");
    }
}
