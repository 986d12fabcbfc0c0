package health.salus.patients.mpi.web;

import health.salus.patients.mpi.index.PatientFinder;
import health.salus.platform.InvalidFieldsException;
import health.salus.platform.InvalidFieldsException.FieldProblem;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/patients/search?name=&birthDate=&phone=&mrn=&limit=}: at least one criterion; the name
 * may be a prefix ("Smi"), misspelt ("Jonh Smtih") or written as it sounds ("Smyth").
 */
@RestController
@RequestMapping("/api/patients/search")
class PatientSearchController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;

    private final PatientFinder finder;
    private final MpiAccess access;

    PatientSearchController(PatientFinder finder, MpiAccess access) {
        this.finder = finder;
        this.access = access;
    }

    @GetMapping
    Map<String, Object> search(@RequestParam Optional<String> name, @RequestParam Optional<String> birthDate,
            @RequestParam Optional<String> phone, @RequestParam Optional<String> mrn,
            @RequestParam Optional<String> limit) {
        access.require(MpiAccess.SEARCHERS);
        List<FieldProblem> problems = new ArrayList<>();
        Optional<String> cleanName = blankToEmpty(name);
        Optional<String> cleanDate = blankToEmpty(birthDate);
        Optional<String> cleanPhone = blankToEmpty(phone);
        Optional<String> cleanMrn = blankToEmpty(mrn);
        if (cleanName.isEmpty() && cleanDate.isEmpty() && cleanPhone.isEmpty() && cleanMrn.isEmpty()) {
            problems.add(new FieldProblem("name", "Give a name, birth date, phone or MRN to search by"));
        }
        cleanName.filter(n -> n.length() > 100 || PatientFinder.searchWords(n).isEmpty())
                .ifPresent(n -> problems.add(new FieldProblem("name", "A name has letters and at most 100 characters")));
        cleanDate.filter(d -> !validDate(d))
                .ifPresent(d -> problems.add(new FieldProblem("birthDate", "A birth date is YYYY-MM-DD (or YYYY-MM, YYYY)")));
        cleanPhone.filter(p -> p.length() > 30 || p.replaceAll("[^0-9]", "").length() < 7
                        || !p.matches("[+0-9 ().\\-/]+"))
                .ifPresent(p -> problems.add(new FieldProblem("phone", "A phone number has 7 to 15 digits")));
        cleanMrn.filter(m -> m.length() > 64 || !m.matches("[A-Za-z0-9\\-_.]+"))
                .ifPresent(m -> problems.add(new FieldProblem("mrn", "An MRN is letters, digits, '-', '_' or '.'")));
        int count = DEFAULT_LIMIT;
        if (limit.isPresent()) {
            try {
                count = Integer.parseInt(limit.get());
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count < 1 || count > MAX_LIMIT) {
                problems.add(new FieldProblem("limit", "limit is a number from 1 to " + MAX_LIMIT));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        List<PatientFinder.Hit> hits = finder.find(new PatientFinder.Criteria(cleanName, cleanDate, cleanPhone,
                cleanMrn), count);
        return Map.of("results", hits.stream().map(PatientSearchController::view).toList());
    }

    private static Map<String, Object> view(PatientFinder.Hit hit) {
        return Map.of("id", hit.id(), "name", hit.name(), "birthDate", hit.birthDate().orElse(""),
                "mrn", hit.mrn().orElse(""), "score", hit.score(), "matchedBy", hit.matchedBy());
    }

    private static Optional<String> blankToEmpty(Optional<String> value) {
        return value.map(String::strip).filter(v -> !v.isEmpty());
    }

    private static boolean validDate(String value) {
        try {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return !LocalDate.parse(value).isAfter(LocalDate.now().plusDays(1));
            }
            if (value.matches("\\d{4}-\\d{2}")) {
                YearMonth.parse(value);
                return true;
            }
            return value.matches("(18|19|20)\\d{2}");
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
