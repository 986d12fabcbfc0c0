package health.salus.security.credential;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.commons.codec.binary.Base32;

/**
 * The shared key of an authenticator app. Base32 is how authenticator apps and {@code otpauth://}
 * URIs carry it. The key is copied in and out so no caller can alter a secret another holds, and
 * {@link #toString()} hides it so a logged object never reveals a second factor.
 */
public record TotpSecret(byte[] key) {

    /** RFC 4226 section 4, R6: a shared secret of at least 128 bits. */
    public static final int MIN_KEY_BYTES = 16;
    private static final Pattern BASE32 = Pattern.compile("[A-Z2-7]+");

    public TotpSecret {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("A TOTP key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        key = key.clone();
    }

    /** Reads the Base32 form, ignoring case, spaces and padding as people and apps write them. */
    public static TotpSecret fromBase32(String text) {
        String normalized = text == null ? ""
                : text.replaceAll("\\s", "").replace("=", "").toUpperCase(Locale.ROOT);
        if (!BASE32.matcher(normalized).matches()) {
            // no echo of the input: it is meant to be a secret
            throw new IllegalArgumentException("Not a Base32 TOTP secret");
        }
        return new TotpSecret(new Base32().decode(normalized));
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    /** Upper case, without padding, as the Key Uri Format expects. */
    public String base32() {
        return new Base32().encodeAsString(key).replace("=", "");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TotpSecret that && MessageDigest.isEqual(key, that.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "TotpSecret[hidden]";
    }
}
