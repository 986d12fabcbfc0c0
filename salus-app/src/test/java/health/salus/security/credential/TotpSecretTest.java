package health.salus.security.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TotpSecretTest {

    private static final String BASE32 = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @Test
    void base32RoundTripsWithoutPadding() {
        TotpSecret secret = TotpSecret.fromBase32(BASE32);

        assertThat(secret.key()).hasSize(20);
        assertThat(secret.base32()).isEqualTo(BASE32);
        assertThat(TotpSecret.fromBase32(secret.base32())).isEqualTo(secret).hasSameHashCodeAs(secret);
    }

    @Test
    void base32IsReadIgnoringCaseSpacesAndPadding() {
        assertThat(TotpSecret.fromBase32("jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp"))
                .isEqualTo(TotpSecret.fromBase32(BASE32));
        // 17 bytes need padding in canonical Base32; it is dropped on output and accepted on input
        TotpSecret seventeen = new TotpSecret(new byte[17]);
        assertThat(seventeen.base32()).doesNotContain("=");
        assertThat(TotpSecret.fromBase32(seventeen.base32() + "===")).isEqualTo(seventeen);
    }

    @Test
    void invalidBase32IsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> TotpSecret.fromBase32("JBSWY3DPEHPK3PX0"))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("JBSWY3DPEHPK3PX0");
    }

    @Test
    void aKeyShorterThan128BitsIsRefused() {
        assertThatThrownBy(() -> new TotpSecret(new byte[15])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringNeverShowsTheKey() {
        TotpSecret secret = TotpSecret.fromBase32(BASE32);

        assertThat(secret.toString()).doesNotContain(BASE32).doesNotContain(java.util.Arrays.toString(secret.key()));
    }

    @Test
    void theKeyCannotBeChangedFromOutside() {
        byte[] key = new byte[20];
        TotpSecret secret = new TotpSecret(key);
        key[0] = 1;
        secret.key()[1] = 1;

        assertThat(secret.key()).containsOnly(0);
    }
}
