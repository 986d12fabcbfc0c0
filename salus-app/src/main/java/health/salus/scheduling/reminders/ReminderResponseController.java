package health.salus.scheduling.reminders;

import health.salus.scheduling.booking.AppointmentView;
import health.salus.scheduling.reminders.ReminderLinks.Action;
import health.salus.scheduling.reminders.ReminderLinks.Claims;
import health.salus.scheduling.reminders.ReminderLinks.Verdict;
import health.salus.scheduling.reminders.ReminderResponses.Outcome;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where a reminder's confirm or cancel link leads, without signing in. Opening the link only shows the
 * question (mail scanners open links too); the button posts it. The page shows the date, time and site,
 * nothing else; a forged link gets 403, an expired or stale one 400 or 409, and changes nothing. The
 * token is never logged, and the browser chain sends no referrer.
 */
@Controller
class ReminderResponseController {

    static final String PATH = "/appointments/respond";

    private final ReminderLinks links;
    private final ReminderResponses responses;
    private final ReminderAppointments appointments;

    ReminderResponseController(ReminderLinks links, ReminderResponses responses, ReminderAppointments appointments) {
        this.links = links;
        this.responses = responses;
        this.appointments = appointments;
    }

    @GetMapping(PATH)
    String question(@RequestParam(name = "t", defaultValue = "") String token, Model model,
            HttpServletResponse response) {
        Optional<Claims> claims = claims(token, model, response);
        if (claims.isEmpty()) {
            return "scheduling/reminder-result";
        }
        Optional<AppointmentView> current = responses.current(claims.get().appointmentId(), Optional.empty());
        Optional<Outcome> refused = ReminderResponses.refusal(current, claims.get().appointmentStart());
        if (refused.isPresent()) {
            return result(refused.get(), model, response);
        }
        model.addAttribute("appointment", appointments.wording(current.get()));
        model.addAttribute("cancel", claims.get().action() == Action.CANCEL);
        model.addAttribute("token", token);
        return "scheduling/reminder-response";
    }

    @PostMapping(PATH)
    String answer(@RequestParam(name = "t", defaultValue = "") String token, Model model,
            HttpServletResponse response) {
        Optional<Claims> claims = claims(token, model, response);
        if (claims.isEmpty()) {
            return "scheduling/reminder-result";
        }
        return result(responses.respond(claims.get().appointmentId(), claims.get().appointmentStart(),
                claims.get().action(), ReminderResponses.Via.LINK, Optional.empty()), model, response);
    }

    private Optional<Claims> claims(String token, Model model, HttpServletResponse response) {
        Verdict verdict = links.verify(token);
        if (verdict instanceof Verdict.Valid valid) {
            return Optional.of(valid.claims());
        }
        boolean expired = verdict instanceof Verdict.Expired;
        response.setStatus(expired ? HttpServletResponse.SC_BAD_REQUEST : HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("outcome", expired ? "expired" : "invalid");
        return Optional.empty();
    }

    private static String result(Outcome outcome, Model model, HttpServletResponse response) {
        if (outcome == Outcome.NOT_BOOKED || outcome == Outcome.MOVED) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        model.addAttribute("outcome", outcome.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return "scheduling/reminder-result";
    }
}
