package health.salus.security.credential;

import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * One-time codes that stand in for the authenticator when a phone is lost. They are shown once,
 * stored only as password hashes, and compared after normalising, because people retype them from
 * paper: case, spaces and dashes do not matter, and the alphabet leaves out 0/o, 1/l/i which are
 * easily confused (31 symbols, 10 per code: about 49 bits each, ample behind a slow hash and
 * sign-in throttling).
 */
@Component
public class RecoveryCodes {

    public static final int COUNT = 10;
    static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    static final int LENGTH = 10;

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Pd}]");
    private static final Pattern NORMALISED = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");

    private final PasswordEncoder passwordEncoder;
    private final SecureRandom random = new SecureRandom();

    public RecoveryCodes(PasswordEncoder passwordEncoder) {
        this.passwordEncoder = passwordEncoder;
    }

    /** Ten distinct new codes, each shown as {@code xxxxx-xxxxx}. */
    public List<String> generate() {
        Set<String> codes = new LinkedHashSet<>();
        while (codes.size() < COUNT) {
            StringBuilder code = new StringBuilder(LENGTH + 1);
            for (int i = 0; i < LENGTH; i++) {
                if (i == LENGTH / 2) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return List.copyOf(codes);
    }

    /** The hash to store for a code from {@link #generate()}; refuses anything that is not such a code. */
    public String hash(String code) {
        String normalised = normalise(code);
        if (!NORMALISED.matcher(normalised).matches()) {
            throw new IllegalArgumentException("Not a recovery code");
        }
        return passwordEncoder.encode(normalised);
    }

    /** Whether a code as typed matches a stored hash; malformed input never matches. */
    public boolean matches(String code, String hash) {
        String normalised = normalise(code);
        return hash != null && NORMALISED.matcher(normalised).matches()
                && passwordEncoder.matches(normalised, hash);
    }

    private static String normalise(String code) {
        return code == null ? "" : SEPARATORS.matcher(code).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
