package health.salus.security.credential;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The one password encoder of the application. New hashes are Argon2id, prefixed {@code {argon2}};
 * {@code {bcrypt}} hashes (imported accounts, older installs) still verify and report
 * {@code upgradeEncoding == true}, so sign-in can re-hash them to Argon2id on the next success.
 */
@Configuration
public class PasswordHashing {

    static final String DEFAULT_ID = "argon2";

    @Bean
    public PasswordEncoder passwordEncoder() {
        // Spring Security's current recommended Argon2id parameters (the "v5_8" defaults, unchanged in
        // 7.0): 16-byte salt, 32-byte hash, parallelism 1, 16 MiB memory, 2 iterations. Memory-hard so
        // GPU guessing of a stolen table is expensive, yet ~tens of ms per hash on a small 2-core clinic
        // server, so sign-in stays responsive. Stored hashes carry their parameters; if these defaults
        // are raised later, upgradeEncoding() reports the old hashes for re-hashing.
        PasswordEncoder argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
        Map<String, PasswordEncoder> encoders = Map.of(
                DEFAULT_ID, argon2,
                "bcrypt", new BCryptPasswordEncoder());
        return new DelegatingPasswordEncoder(DEFAULT_ID, encoders);
    }
}
