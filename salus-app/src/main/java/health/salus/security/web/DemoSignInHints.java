package health.salus.security.web;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import health.salus.security.DemoCredentials;
import health.salus.security.Role;
import java.security.InvalidKeyException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** What the sign-in pages show in demo mode only: the demo accounts, and the demo authenticator's code. */
@Component
class DemoSignInHints {

    private final boolean demo;
    private final Clock clock;

    DemoSignInHints(@Value("${salus.demo.enabled:false}") boolean demo, Clock clock) {
        this.demo = demo;
        this.clock = clock;
    }

    boolean enabled() {
        return demo;
    }

    List<String> usernames() {
        return demo ? Arrays.stream(Role.values()).filter(role -> role != Role.INTEGRATION).map(Role::code).toList()
                : List.of();
    }

    String password() {
        return demo ? DemoCredentials.PASSWORD : "";
    }

    /** The current code of the shared demo key, so a visitor needs no authenticator app. */
    Optional<String> currentCode() {
        if (!demo) {
            return Optional.empty();
        }
        try {
            byte[] key = new Base32().decode(DemoCredentials.TOTP_SECRET);
            return Optional.of(new TimeBasedOneTimePasswordGenerator().generateOneTimePasswordString(
                    new SecretKeySpec(key, "HmacSHA1"), clock.instant()));
        } catch (InvalidKeyException e) {
            return Optional.empty();
        }
    }
}
