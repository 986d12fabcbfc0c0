package health.salus.security.credential;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The building blocks start as Spring beans on their own, with only a clock beside them. */
class CredentialWiringTest {

    @Test
    void everyBuildingBlockIsAvailableAsABean() {
        new ApplicationContextRunner()
                .withBean(java.time.Clock.class, java.time.Clock::systemUTC)
                .withUserConfiguration(PasswordHashing.class, BreachedPasswordsConfiguration.class,
                        PasswordPolicy.class, Totp.class, QrCodes.class, RecoveryCodes.class)
                .run(app -> {
                    assertThat(app).hasNotFailed()
                            .hasSingleBean(PasswordEncoder.class)
                            .hasSingleBean(BreachedPasswords.class)
                            .hasSingleBean(PasswordPolicy.class)
                            .hasSingleBean(Totp.class)
                            .hasSingleBean(QrCodes.class)
                            .hasSingleBean(RecoveryCodes.class);
                    assertThat(app.getBean(PasswordPolicy.class).problems("alice", "password1234")).isNotEmpty();
                    Totp totp = app.getBean(Totp.class);
                    assertThat(totp.newSecret().key()).hasSize(20);
                });
    }
}
