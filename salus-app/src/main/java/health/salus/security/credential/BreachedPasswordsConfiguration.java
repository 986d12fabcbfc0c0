package health.salus.security.credential;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the breached-password check by {@code salus.security.breached-passwords.mode}:
 * {@code local} (default; the bundled list, works offline) or {@code hibp} (the bundled list, then the
 * Pwned Passwords range API at {@code salus.security.breached-passwords.hibp-url}). An unknown mode
 * stops start-up rather than silently weakening the check.
 */
@Configuration
public class BreachedPasswordsConfiguration {

    @Bean
    public BreachedPasswords breachedPasswords(
            @Value("${salus.security.breached-passwords.mode:local}") String mode,
            @Value("${salus.security.breached-passwords.hibp-url:https://api.pwnedpasswords.com}") String hibpUrl) {
        CommonPasswordList localList = new CommonPasswordList();
        return switch (mode.strip()) {
            case "local" -> localList;
            case "hibp" -> new HaveIBeenPwnedPasswords(URI.create(hibpUrl.strip()), localList);
            default -> throw new IllegalStateException(
                    "salus.security.breached-passwords.mode must be 'local' or 'hibp', not '" + mode + "'");
        };
    }
}
