package health.salus.crypto.search;

import health.salus.fhir.IndexValueTransform;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The search key and the hashed index it drives. The key is {@code salus.crypto.search-key}
 * (base64, 32 bytes); without it Salus uses a published demo key, and refuses to start under a
 * {@code prod} or {@code production} profile, where anyone holding that key could test guesses
 * (a name, a phone number) against the index.
 */
@Configuration(proxyBeanMethods = false)
class SearchKeyConfiguration {

    /** Public on purpose, and only for demos and tests: it protects nothing. */
    static final String DEMO_KEY = "NI+ve07WpwLZ7yX+sYAmcs9GfTMLCSa90ImNKaVQPqc=";
    static final String PROPERTY = "salus.crypto.search-key";
    private static final int KEY_BYTES = 32;

    @Bean
    IndexValueTransform hashedSearchIndex(@Value("${" + PROPERTY + ":}") String configuredKey, Environment environment) {
        return new HashedSearchIndex(new IdentifyingParameters(), new KeyedHash(searchKey(configuredKey, environment)));
    }

    static byte[] searchKey(String configuredKey, Environment environment) {
        String encoded = configuredKey == null || configuredKey.isBlank() ? DEMO_KEY : configuredKey.trim();
        if (encoded.equals(DEMO_KEY) && environment.acceptsProfiles(Profiles.of("prod", "production"))) {
            throw new IllegalStateException(PROPERTY + " is not set (or is the public demo key) under a production "
                    + "profile: set it to 32 random bytes in base64, e.g. the output of 'openssl rand -base64 32'");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(PROPERTY + " is not valid base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(PROPERTY + " must be " + KEY_BYTES + " bytes, base64-encoded; it has "
                    + key.length);
        }
        return key;
    }
}
