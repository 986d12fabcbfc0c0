package health.salus.workspace.frontdesk;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/** Dates and times as the user reads them: in a given zone, in their language's style, zone named. */
final class Times {

    private Times() {
    }

    /** A date as a date input sends it (YYYY-MM-DD); empty for anything else, blank included. */
    static Optional<LocalDate> parseDate(String text) {
        try {
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
