package health.salus.security.credential;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordHashingTest {

    private final PasswordEncoder encoder = new PasswordHashing().passwordEncoder();

    @Test
    void newHashesAreArgon2idAndRoundTrip() {
        String hash = encoder.encode("harbor lantern quietly 42");

        assertThat(hash).startsWith("{argon2}$argon2id$");
        assertThat(encoder.matches("harbor lantern quietly 42", hash)).isTrue();
        assertThat(encoder.matches("harbor lantern quietly 43", hash)).isFalse();
    }

    @Test
    void aFreshArgon2HashNeedsNoUpgrade() {
        assertThat(encoder.upgradeEncoding(encoder.encode("harbor lantern quietly 42"))).isFalse();
    }

    @Test
    void anOlderBcryptHashStillMatchesAndAsksForAnUpgrade() {
        String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("harbor lantern quietly 42");

        assertThat(encoder.matches("harbor lantern quietly 42", bcrypt)).isTrue();
        assertThat(encoder.matches("harbor lantern quietly 43", bcrypt)).isFalse();
        assertThat(encoder.upgradeEncoding(bcrypt)).isTrue();
    }
}
