package health.salus.demo;

import java.text.Normalizer;
import java.util.Locale;

/** E-mail local parts from names, folded to plain ASCII the way mail providers expect. */
final class Emails {

    private Emails() {
    }

    static String localPart(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]", "");
    }
}
