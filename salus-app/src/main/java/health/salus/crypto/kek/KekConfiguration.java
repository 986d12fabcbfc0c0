package health.salus.crypto.kek;

import health.salus.crypto.KeyEncryptionKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The KEK from {@code salus.crypto.kek-file}, or the bundled demo KEK when none is configured. The
 * demo key is public (it is in the source), so a production profile refuses to start with it.
 */
@Configuration
class KekConfiguration {

    static final String DEMO_KEK = "/crypto/demo-kek.json";
    /** The demo keyset's only key; a configured file that still holds it is as public as the demo. */
    static final String DEMO_KEK_ID = "109223021";
    private static final Set<String> PRODUCTION_PROFILES = Set.of("prod", "production");
    private static final Logger log = LoggerFactory.getLogger(KekConfiguration.class);

    @Bean
    @ConditionalOnMissingBean(KeyEncryptionKeys.class)
    KeyEncryptionKeys keyEncryptionKeys(@Value("${salus.crypto.kek-file:}") String kekFile, Environment environment) {
        return create(kekFile, environment.getActiveProfiles());
    }

    static TinkKeysetKeyEncryptionKeys create(String kekFile, String[] activeProfiles) {
        boolean production = Arrays.stream(activeProfiles).anyMatch(PRODUCTION_PROFILES::contains);
        TinkKeysetKeyEncryptionKeys keys = kekFile == null || kekFile.isBlank()
                ? new TinkKeysetKeyEncryptionKeys(KekConfiguration::demoKeyset)
                : new TinkKeysetKeyEncryptionKeys(() -> read(Path.of(kekFile)));
        if (keys.contains(DEMO_KEK_ID)) {
            if (production) {
                throw new IllegalStateException("Refusing to start: the production profile needs a key-encryption "
                        + "key of its own. Set salus.crypto.kek-file to a Tink AEAD keyset (JSON) that does not "
                        + "contain the bundled demo key.");
            }
            log.warn("Encrypting with the bundled demo key-encryption key: fine for a demo, never for real data "
                    + "(set salus.crypto.kek-file)");
        }
        return keys;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The key-encryption keyset file cannot be read: " + file, e);
        }
    }

    private static String demoKeyset() {
        try (InputStream in = KekConfiguration.class.getResourceAsStream(DEMO_KEK)) {
            if (in == null) {
                throw new IllegalStateException("The bundled demo key-encryption key is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
