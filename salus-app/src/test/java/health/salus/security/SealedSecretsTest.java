package health.salus.security;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.support.FhirApiTest;
import health.salus.support.SignIn;
import health.salus.support.TestUsers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The token signing key and TOTP secrets are stored sealed with the organisation's key, and still work. */
class SealedSecretsTest extends FhirApiTest {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void totpSecretsAndTheSigningKeyAreStoredSealedAndSignInStillWorks() {
        String username = TestUsers.create(accounts, Role.NURSE, null);

        // a full sign-in: the second factor is checked against the sealed secret, the token signed with the sealed key
        String token = SignIn.smartToken(port, username, "openid user/*.rs").get("access_token").asText();

        assertThat(token).isNotBlank();
        String stored = jdbc.queryForObject("select totp_secret from security_account where username = ?",
                String.class, username);
        assertThat(stored).startsWith("sealed:dk:").doesNotContain(SignIn.TOTP_SECRET);
        List<String> keys = jdbc.queryForList("select jwk from security_signing_key", String.class);
        assertThat(keys).isNotEmpty().allSatisfy(jwk -> assertThat(jwk).startsWith("sealed:dk:")
                .doesNotContain("\"d\"", "\"kty\""));
    }
}
