package health.salus.security.credential;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The passwords most often found in breaches (Django's list, bundled), so the check works offline.
 * The list is lower case; lookups ignore case because "Password123" is as guessable as "password123".
 */
public final class CommonPasswordList implements BreachedPasswords {

    static final String RESOURCE = "/security/common-passwords.txt.gz";

    private final Set<String> passwords;

    /** Loads the bundled list; do this once per application (about 20,000 entries). */
    public CommonPasswordList() {
        this.passwords = load();
    }

    @Override
    public boolean isBreached(String password) {
        return password != null && passwords.contains(password.toLowerCase(Locale.ROOT));
    }

    int size() {
        return passwords.size();
    }

    private static Set<String> load() {
        InputStream raw = CommonPasswordList.class.getResourceAsStream(RESOURCE);
        if (raw == null) {
            // without the list every password would pass; refuse to start instead
            throw new IllegalStateException("common password list missing from the classpath: " + RESOURCE);
        }
        Set<String> set = new HashSet<>(32_768);
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String entry = line.strip();
                if (!entry.isEmpty()) {
                    set.add(entry.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the common password list " + RESOURCE, e);
        }
        return Set.copyOf(set);
    }
}
