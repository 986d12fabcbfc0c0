package health.salus.scheduling.suggestion;

import java.util.Locale;
import java.util.Optional;

/** How soon the patient should be seen; it sets how much an earlier slot counts. */
enum Urgency {
    ROUTINE, SOON, URGENT;

    static Optional<Urgency> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(ROUTINE);
        }
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
