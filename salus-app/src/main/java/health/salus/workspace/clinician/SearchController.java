package health.salus.workspace.clinician;

import health.salus.patients.mpi.index.PatientFinder;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Patient search for clinicians, by name (prefix, misspelt, sounds-like), birth date or MRN, through
 * the patient index as the signed-in user: it finds the patients the policy lets them see. With htmx
 * only the results are swapped in; without script the whole page reloads.
 */
@Controller
class SearchController {

    private static final int LIMIT = 25;

    private final ClinicianPages pages;
    private final PatientFinder finder;

    SearchController(ClinicianPages pages, PatientFinder finder) {
        this.pages = pages;
        this.finder = finder;
    }

    record Hit(String id, String name, String birthDate, String mrn) {
    }

    @GetMapping(ClinicianPages.SEARCH)
    String search(@RequestParam Optional<String> name, @RequestParam Optional<String> birthDate,
            @RequestParam Optional<String> mrn, @RequestHeader(name = "HX-Target", required = false) String target,
            Locale locale, Model model) {
        pages.requireClinician();
        Optional<String> cleanName = clean(name);
        Optional<String> cleanDate = clean(birthDate);
        Optional<String> cleanMrn = clean(mrn);
        model.addAttribute("name", cleanName.orElse(""));
        model.addAttribute("birthDate", cleanDate.orElse(""));
        model.addAttribute("mrn", cleanMrn.orElse(""));
        boolean searched = cleanName.isPresent() || cleanDate.isPresent() || cleanMrn.isPresent()
                || name.isPresent() || birthDate.isPresent() || mrn.isPresent();
        List<String> errors = new ArrayList<>();
        if (searched && cleanName.isEmpty() && cleanDate.isEmpty() && cleanMrn.isEmpty()) {
            errors.add("empty");
        }
        if (cleanName.filter(n -> n.length() > 100 || PatientFinder.searchWords(n).isEmpty()).isPresent()) {
            errors.add("name");
        }
        if (cleanDate.filter(d -> !isDate(d)).isPresent()) {
            errors.add("birthDate");
        }
        if (cleanMrn.filter(m -> m.length() > 64 || !m.matches("[A-Za-z0-9\\-_.]+")).isPresent()) {
            errors.add("mrn");
        }
        model.addAttribute("errors", errors);
        model.addAttribute("searched", searched && errors.isEmpty());
        List<Hit> hits = List.of();
        if (searched && errors.isEmpty()) {
            hits = finder.find(new PatientFinder.Criteria(cleanName, cleanDate, Optional.empty(), cleanMrn), LIMIT)
                    .stream().map(h -> new Hit(h.id(), h.name(), h.birthDate().filter(SearchController::isDate)
                            .map(d -> ClinicalText.date(LocalDate.parse(d), locale)).orElse(h.birthDate().orElse("")),
                            h.mrn().orElse(""))).toList();
        }
        model.addAttribute("hits", hits);
        return "results".equals(target) ? "workspace/clinician/search :: results" : "workspace/clinician/search";
    }

    private static Optional<String> clean(Optional<String> value) {
        return value.map(String::strip).filter(v -> !v.isEmpty());
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
