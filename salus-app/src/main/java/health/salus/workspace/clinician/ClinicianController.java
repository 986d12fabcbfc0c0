package health.salus.workspace.clinician;

import health.salus.web.DisplayText;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The clinician's day (their own appointments) and their panel of patients, in the user's time zone. */
@Controller
class ClinicianController {

    private final ClinicianPages pages;
    private final MySchedule schedule;
    private final MyPatients patients;
    private final Clock clock;

    ClinicianController(ClinicianPages pages, MySchedule schedule, MyPatients patients, Clock clock) {
        this.pages = pages;
        this.schedule = schedule;
        this.patients = patients;
        this.clock = clock;
    }

    @GetMapping(ClinicianPages.SCHEDULE)
    String schedule(@RequestParam Optional<String> date, HttpServletRequest request, Locale locale, Model model) {
        String practitionerId = pages.requireClinician();
        ZoneId zone = pages.zone(request);
        Optional<LocalDate> asked = date.filter(d -> !d.isBlank()).flatMap(ClinicianController::parseDate);
        LocalDate day = asked.orElse(LocalDate.now(clock.withZone(zone)));
        model.addAttribute("date", day.toString());
        model.addAttribute("previous", day.minusDays(1).toString());
        model.addAttribute("next", day.plusDays(1).toString());
        model.addAttribute("dateLabel", DisplayText.fullDate(day, locale));
        model.addAttribute("zoneLabel", DisplayText.zoneName(zone, locale));
        model.addAttribute("invalidDate", date.filter(d -> !d.isBlank()).isPresent() && asked.isEmpty());
        model.addAttribute("visits", schedule.visits(practitionerId, day, zone, locale));
        return "workspace/clinician/schedule";
    }

    @GetMapping(ClinicianPages.PATIENTS)
    String patients(HttpServletRequest request, Locale locale, Model model) {
        String practitionerId = pages.requireClinician();
        ZoneId zone = pages.zone(request);
        model.addAttribute("rows", patients.rows(practitionerId, clock.instant(), zone, locale));
        model.addAttribute("zoneLabel", DisplayText.zoneName(zone, locale));
        return "workspace/clinician/patients";
    }

    private static Optional<LocalDate> parseDate(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
