package health.salus.workspace.frontdesk;

import health.salus.fhir.ResourceStore;
import health.salus.fhir.SearchRequest;
import health.salus.web.UserTimeZone;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Finding a patient at the desk (name prefix and birth date, through the store's keyed-hash search)
 * and the patient's desk page: who they are and their coming appointments, with "book".
 */
@Controller
class PatientController {

    private static final int MAX_RESULTS = 25;

    private final FrontDeskPages pages;
    private final ResourceStore store;
    private final DaySchedule schedule;
    private final VisitTimes visitTimes;
    private final Clock clock;

    PatientController(FrontDeskPages pages, ResourceStore store, DaySchedule schedule, VisitTimes visitTimes,
            Clock clock) {
        this.visitTimes = visitTimes;
        this.pages = pages;
        this.store = store;
        this.schedule = schedule;
        this.clock = clock;
    }

    @GetMapping(FrontDeskPages.PATIENTS)
    String search(@RequestParam Optional<String> name, @RequestParam Optional<String> birthDate, Model model) {
        pages.requireScheduling();
        Optional<String> family = name.map(String::strip).filter(n -> !n.isEmpty());
        Optional<String> born = birthDate.map(String::strip).filter(b -> !b.isEmpty());
        boolean invalidDate = born.isPresent() && Times.parseDate(born.get()).isEmpty();
        model.addAttribute("name", family.orElse(""));
        model.addAttribute("birthDate", born.orElse(""));
        model.addAttribute("invalidDate", invalidDate);
        model.addAttribute("searched", family.isPresent() || born.isPresent());
        model.addAttribute("mayRegister", pages.mayRegister());
        List<PatientFacts> results = List.of();
        if (!invalidDate && (family.isPresent() || born.isPresent())) {
            Map<String, List<String>> parameters = new HashMap<>(Map.of("_count", List.of(String.valueOf(MAX_RESULTS))));
            family.ifPresent(n -> parameters.put("name", List.of(n)));
            born.ifPresent(b -> parameters.put("birthdate", List.of(b)));
            results = store.search(new SearchRequest("Patient", parameters)).matches().stream()
                    .map(r -> PatientFacts.of((Patient) r)).toList();
        }
        model.addAttribute("results", results);
        return "workspace/frontdesk/patients";
    }

    @GetMapping(FrontDeskPages.PATIENTS + "/{id}")
    String patient(@PathVariable String id, HttpServletRequest request, Locale locale, Model model) {
        pages.requireScheduling();
        model.addAttribute("patient", PatientFacts.of((Patient) store.read("Patient", id)));
        ZoneId zone = UserTimeZone.of(request, pages.clinicZone());
        List<DaySchedule.Row> upcoming = store.search(new SearchRequest("Appointment", Map.of(
                        "patient", List.of("Patient/" + id), "date", List.of("ge" + clock.instant()),
                        "_sort", List.of("date"), "_count", List.of("50")))).matches().stream()
                .map(r -> (Appointment) r)
                .map(a -> new Upcoming(schedule.row(a, zone, locale), visitTimes.at(a.getStart().toInstant(),
                        DaySchedule.actor(a, "Location").orElse(""), zone, locale)))
                .map(Upcoming::withDate).toList();
        model.addAttribute("upcoming", upcoming);
        return "workspace/frontdesk/patient";
    }

    /** A coming appointment: its schedule row, with the full date in place of the start time. */
    private record Upcoming(DaySchedule.Row row, String when) {
        DaySchedule.Row withDate() {
            return new DaySchedule.Row(row.appointmentId(), when, row.end(), row.patientId(), row.patient(),
                    row.practitioner(), row.location(), row.status(), row.canCheckIn());
        }
    }

}
