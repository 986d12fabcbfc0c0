package health.salus.security.credential;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class BreachedPasswordsConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(BreachedPasswordsConfiguration.class);

    @Test
    void theLocalListIsTheDefault() {
        context.run(app -> assertThat(app).getBean(BreachedPasswords.class).isInstanceOf(CommonPasswordList.class));
    }

    @Test
    void hibpModeUsesThePwnedPasswordsService() {
        context.withPropertyValues("salus.security.breached-passwords.mode=hibp",
                        "salus.security.breached-passwords.hibp-url=http://127.0.0.1:9")
                .run(app -> assertThat(app).getBean(BreachedPasswords.class)
                        .isInstanceOf(HaveIBeenPwnedPasswords.class));
    }

    @Test
    void anUnknownModeStopsStartUp() {
        context.withPropertyValues("salus.security.breached-passwords.mode=off")
                .run(app -> assertThat(app).hasFailed());
    }
}
