package health.salus.patients.mpi.matching;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A person as the matcher compares them: every value already normalised (names case- and accent-folded
 * into words, phones to their last ten digits, e-mails lower case, streets with common abbreviations
 * folded). Empty collections and empty optionals are missing values, which weigh nothing.
 *
 * @param identifiers identifier values by system, without medical record numbers (a duplicate gets a
 *                    new MRN of its own, so comparing MRNs would only ever disagree)
 */
public record PersonRecord(List<String> given, List<String> family, Optional<LocalDate> birthDate,
        Optional<String> sex, Set<String> phones, Set<String> emails, Set<String> postalCodes, Set<String> streets,
        Map<String, Set<String>> identifiers) {

    public PersonRecord {
        given = List.copyOf(given);
        family = List.copyOf(family);
        phones = Set.copyOf(phones);
        emails = Set.copyOf(emails);
        postalCodes = Set.copyOf(postalCodes);
        streets = Set.copyOf(streets);
        identifiers = Map.copyOf(identifiers);
    }
}
