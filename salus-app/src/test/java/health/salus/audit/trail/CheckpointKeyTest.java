package health.salus.audit.trail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The demo checkpoint key never signs a production trail, and signatures depend on the key. */
class CheckpointKeyTest {

    private static final String REAL_KEY = Base64.getEncoder().encodeToString(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
        31, 32});

    @Test
    void theDemoKeyIsRefusedUnderAProductionProfile() {
        for (String profile : new String[] {"prod", "production"}) {
            MockEnvironment production = new MockEnvironment();
            production.setActiveProfiles(profile);
            assertThatThrownBy(() -> AuditTrailConfiguration.checkpointKey(AuditTrailConfiguration.DEMO_KEY, production))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("salus.audit.checkpoint-key");
        }
    }

    @Test
    void theDemoKeyServesDevelopmentAndARealKeyServesProduction() {
        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("demo");
        assertThat(AuditTrailConfiguration.checkpointKey(AuditTrailConfiguration.DEMO_KEY, demo)).hasSizeGreaterThan(31);
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("prod");
        assertThat(AuditTrailConfiguration.checkpointKey(REAL_KEY, production)).hasSize(32);
    }

    @Test
    void aCheckpointSignedWithOneKeyDoesNotVerifyUnderAnother() {
        Instant at = Instant.parse("2026-03-01T00:00:00Z");
        CheckpointSigner demo = new CheckpointSigner(Base64.getDecoder().decode(AuditTrailConfiguration.DEMO_KEY));
        CheckpointSigner real = new CheckpointSigner(Base64.getDecoder().decode(REAL_KEY));
        String signature = demo.signCheckpoint(10, "ab".repeat(32), at);
        assertThat(demo.checkpointSigned(10, "ab".repeat(32), at, signature)).isTrue();
        assertThat(demo.checkpointSigned(11, "ab".repeat(32), at, signature)).isFalse();
        assertThat(real.checkpointSigned(10, "ab".repeat(32), at, signature)).isFalse();
        assertThat(demo.keyId()).isNotEqualTo(real.keyId());
    }
}
