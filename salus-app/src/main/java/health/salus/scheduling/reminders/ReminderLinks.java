package health.salus.scheduling.reminders;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The confirm and cancel links in reminders. A link carries the appointment id, the action, the start it
 * was made for and an expiry (the start: afterwards there is nothing to confirm), signed with
 * HMAC-SHA256 under {@code salus.scheduling.reminders.link-key}; the page behind it trusts nothing else.
 * A token is {@code <id>_<c|x>_<start s>_<expiry s>_<mac>}: FHIR ids never hold an underscore, so it
 * splits back unambiguously, and everything in it is URL-safe (base64url for the MAC). The MAC is cut
 * to 128 bits to keep texts short, still far beyond guessing.
 */
@Component
public class ReminderLinks {

    /** Public on purpose, and only for demos and tests: it protects nothing. */
    static final String DEMO_KEY = "c2FsdXMtZGVtby1yZW1pbmRlci1saW5rLWtleS0wMDE=";
    static final String PROPERTY = "salus.scheduling.reminders.link-key";
    private static final int MIN_KEY_BYTES = 32;
    private static final int MAC_BYTES = 16;

    public enum Action {
        CONFIRM("c"), CANCEL("x");

        private final String code;

        Action(String code) {
            this.code = code;
        }
    }

    /** What a token says, once its signature checked out. */
    public record Claims(String appointmentId, Action action, Instant appointmentStart, Instant expiresAt) {
    }

    /** A token is valid, signed but expired, or not ours (malformed or a wrong signature). */
    public sealed interface Verdict {
        record Valid(Claims claims) implements Verdict { }
        record Expired() implements Verdict { }
        record Forged() implements Verdict { }
    }

    private final SecretKeySpec key;
    private final String base;
    private final Clock clock;

    ReminderLinks(ReminderProperties properties, Environment environment, Clock clock) {
        this.key = new SecretKeySpec(key(properties.linkKey(), environment), "HmacSHA256");
        this.base = properties.linkBase().replaceAll("/+$", "");
        this.clock = clock;
    }

    /** The page a patient opens; the link expires when the appointment starts. */
    public String link(String appointmentId, Instant appointmentStart, Action action) {
        return base + "/appointments/respond?t=" + token(appointmentId, appointmentStart, action, appointmentStart);
    }

    public String token(String appointmentId, Instant appointmentStart, Action action, Instant expiresAt) {
        String payload = appointmentId + "_" + action.code + "_" + appointmentStart.getEpochSecond() + "_"
                + expiresAt.getEpochSecond();
        return payload + "_" + mac(payload);
    }

    public Verdict verify(String token) {
        // the MAC is base64url and may itself hold an underscore, so it is everything after the fourth
        String[] parts = token == null ? new String[0] : token.split("_", 5);
        if (parts.length != 5) {
            return new Verdict.Forged();
        }
        String payload = String.join("_", Arrays.copyOf(parts, 4));
        if (!MessageDigest.isEqual(mac(payload).getBytes(StandardCharsets.US_ASCII),
                parts[4].getBytes(StandardCharsets.US_ASCII))) {
            return new Verdict.Forged();
        }
        Optional<Action> action = Arrays.stream(Action.values()).filter(a -> a.code.equals(parts[1])).findFirst();
        try {
            Claims claims = new Claims(parts[0], action.orElseThrow(), Instant.ofEpochSecond(Long.parseLong(parts[2])),
                    Instant.ofEpochSecond(Long.parseLong(parts[3])));
            return clock.instant().isBefore(claims.expiresAt()) ? new Verdict.Valid(claims) : new Verdict.Expired();
        } catch (RuntimeException signedButUnreadable) {
            return new Verdict.Forged();
        }
    }

    private String mac(String payload) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            byte[] full = hmac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, MAC_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    static byte[] key(String configured, Environment environment) {
        String encoded = configured == null || configured.isBlank() ? DEMO_KEY : configured.strip();
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
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalStateException(PROPERTY + " must be at least " + MIN_KEY_BYTES + " bytes; it has "
                    + key.length);
        }
        return key;
    }
}
