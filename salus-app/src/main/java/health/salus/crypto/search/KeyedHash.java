package health.salus.crypto.search;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under the search key, domain-separated by purpose, resource type and parameter so that
 * equal values of different kinds never hash alike (a family name and a street, a prefix and a whole
 * value). Truncated to 128 bits, which keeps collisions between distinct values negligible, and
 * written as 32 lower-case consonants, one per 4 bits: no digit and no vowel, so a stored hash can
 * never spell a name, number or word by chance, and a scan of the database for plaintext identifiers
 * cannot be fooled by one.
 */
final class KeyedHash {

    /** What a hash stands for; part of every HMAC input. */
    enum Purpose {
        PREFIX("p"), EXACT("e"), PHONETIC("s"), TOKEN("t");

        private final String tag;

        Purpose(String tag) {
            this.tag = tag;
        }
    }

    private static final String ALGORITHM = "HmacSHA256";
    private static final int OUTPUT_BYTES = 16;
    private static final char SEPARATOR = '\u001f';
    private static final char[] DIGITS = "bcdfghjklmnpqrst".toCharArray();

    private final ThreadLocal<Mac> macs;

    KeyedHash(byte[] key) {
        SecretKeySpec spec = new SecretKeySpec(key.clone(), ALGORITHM);
        Mac prototype = newMac(spec);
        // Mac.getInstance walks the provider list; each thread gets its own initialised copy once
        this.macs = ThreadLocal.withInitial(() -> copyOf(prototype, spec));
    }

    String hash(Purpose purpose, String resourceType, String parameter, String value) {
        String input = purpose.tag + SEPARATOR + resourceType + SEPARATOR + parameter + SEPARATOR + value;
        byte[] mac = macs.get().doFinal(input.getBytes(StandardCharsets.UTF_8));
        char[] text = new char[OUTPUT_BYTES * 2];
        for (int i = 0; i < OUTPUT_BYTES; i++) {
            text[2 * i] = DIGITS[(mac[i] >> 4) & 0xf];
            text[2 * i + 1] = DIGITS[mac[i] & 0xf];
        }
        return new String(text);
    }

    private static Mac newMac(SecretKeySpec spec) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(spec);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static Mac copyOf(Mac prototype, SecretKeySpec spec) {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return newMac(spec);
        }
    }
}
