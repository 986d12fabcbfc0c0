package health.salus.security.credential;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Time-based one-time passwords (RFC 6238) as every common authenticator app makes them:
 * HMAC-SHA1, 6 digits, 30-second steps — other parameters are silently ignored by some apps.
 */
@Component
public class Totp {

    public static final int DIGITS = 6;
    public static final Duration STEP = Duration.ofSeconds(30);
    /** Pass as {@code lastUsedStep} when the secret has never been used. */
    public static final long NO_STEP_USED = -1;
    /** One step either side tolerates a phone clock up to ~30 s off and a code typed as it rolls over. */
    static final int DRIFT_STEPS = 1;
    static final int KEY_BYTES = 20; // 160 bits, the length RFC 4226 recommends for HMAC-SHA1

    private static final Pattern CODE = Pattern.compile("[0-9]{" + DIGITS + "}");

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(
            STEP, DIGITS, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

    public Totp() {
        this(Clock.systemUTC());
    }

    @org.springframework.beans.factory.annotation.Autowired
    public Totp(Clock clock) {
        this.clock = clock;
    }

    public TotpSecret newSecret() {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return new TotpSecret(key);
    }

    /**
     * The Key Uri Format link an authenticator app reads from a QR code. Issuer and account may not
     * contain a colon: the label uses it to separate them.
     */
    public String provisioningUri(TotpSecret secret, String accountName, String issuer) {
        requireLabelPart(accountName, "account name");
        requireLabelPart(issuer, "issuer");
        return "otpauth://totp/" + encode(issuer) + ":" + encode(accountName)
                + "?secret=" + secret.base32()
                + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.toSeconds();
    }

    /**
     * Checks a code against the current step and one step either side. Steps at or before
     * {@code lastUsedStep} are refused, so a code cannot be replayed; store the returned step as the
     * new {@code lastUsedStep}. Spaces are ignored because apps display codes as "123 456".
     */
    public OptionalLong verify(TotpSecret secret, String code, long lastUsedStep) {
        String digits = code == null ? "" : code.replace(" ", "");
        if (!CODE.matcher(digits).matches()) {
            return OptionalLong.empty();
        }
        byte[] given = digits.getBytes(StandardCharsets.US_ASCII);
        long current = Math.floorDiv(clock.instant().getEpochSecond(), STEP.toSeconds());
        long matched = NO_STEP_USED;
        // every candidate is computed and compared, so the time taken says nothing about which matched
        for (long step = Math.max(0, current - DRIFT_STEPS); step <= current + DRIFT_STEPS; step++) {
            boolean equal = MessageDigest.isEqual(codeAt(secret, step), given);
            if (equal && step > lastUsedStep) {
                matched = step;
            }
        }
        return matched == NO_STEP_USED ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    private byte[] codeAt(TotpSecret secret, long step) {
        Instant start = Instant.ofEpochSecond(step * STEP.toSeconds());
        try {
            // Locale.ROOT: some locales would otherwise format the code in non-ASCII digits
            SecretKeySpec key = new SecretKeySpec(secret.key(), generator.getAlgorithm());
            return generator.generateOneTimePasswordString(key, start, Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA1 refused a TOTP key", e);
        }
    }

    private static void requireLabelPart(String value, String what) {
        if (value == null || value.isBlank() || value.indexOf(':') >= 0) {
            throw new IllegalArgumentException("The " + what + " must be non-blank and contain no colon");
        }
    }

    private static String encode(String value) {
        // URLEncoder is for forms; a URI wants %20, not +, for a space
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
