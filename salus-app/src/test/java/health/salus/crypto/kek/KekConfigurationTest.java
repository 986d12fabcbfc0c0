package health.salus.crypto.kek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled demo KEK is public, so a production profile must refuse to start with it. */
class KekConfigurationTest {

    @TempDir
    Path dir;

    @Test
    void productionProfileWithTheDemoKekRefusesToStart() {
        for (String profile : new String[] {"prod", "production"}) {
            assertThatThrownBy(() -> KekConfiguration.create("", new String[] {"postgres", profile}))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Refusing to start").hasMessageContaining("salus.crypto.kek-file");
        }
    }

    @Test
    void productionProfileWithAConfiguredKeysetStillHoldingTheDemoKeyRefusesToStart() throws Exception {
        Path file = dir.resolve("kek.json");
        try (var demo = KekConfiguration.class.getResourceAsStream(KekConfiguration.DEMO_KEK)) {
            Files.write(file, demo.readAllBytes());
        }
        assertThatThrownBy(() -> KekConfiguration.create(file.toString(), new String[] {"prod"}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Refusing to start");
    }

    @Test
    void productionProfileWithAKeysetOfItsOwnStartsAndWrapsWithIt() throws Exception {
        KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        Path file = dir.resolve("kek.json");
        Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()));

        TinkKeysetKeyEncryptionKeys keys = KekConfiguration.create(file.toString(), new String[] {"prod"});

        assertThat(keys.primaryKeyId()).isEqualTo(Integer.toUnsignedString(keyset.getPrimary().getId()));
        byte[] context = "owner".getBytes(StandardCharsets.UTF_8);
        var wrapped = keys.wrap(new byte[32], context);
        assertThat(keys.unwrap(wrapped.bytes(), context)).hasSize(32);
        assertThatThrownBy(() -> keys.unwrap(wrapped.bytes(), "other".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAProductionProfileTheDemoKekIsUsed() {
        TinkKeysetKeyEncryptionKeys keys = KekConfiguration.create("", new String[] {"demo"});
        assertThat(keys.primaryKeyId()).isEqualTo(KekConfiguration.DEMO_KEK_ID);
    }

    @Test
    void aKeysetThatIsNotAKeysetFailsWithoutQuotingIt() throws Exception {
        Path file = dir.resolve("kek.json");
        Files.writeString(file, "{\"secret-looking\": \"c2VjcmV0\"}");
        assertThatThrownBy(() -> KekConfiguration.create(file.toString(), new String[] {}))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("c2VjcmV0");
    }
}
