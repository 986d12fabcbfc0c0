package health.salus.workspace.frontdesk;

import health.salus.workspace.FormErrors;
import health.salus.platform.InvalidFieldsException;
import health.salus.scheduling.booking.AppointmentView;
import health.salus.scheduling.booking.Appointments;
import health.salus.scheduling.booking.SlotUnavailableException;
import health.salus.web.UserTimeZone;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One appointment at the desk: its details, and rescheduling (the same provider, site and visit type,
 * the soonest free times from a chosen day) and cancelling with a reason, through scheduling's
 * {@link Appointments} as the signed-in user.
 */
@Controller
class AppointmentPageController {

    private final FrontDeskPages pages;
    private final Appointments appointments;
    private final SlotChoices choices;
    private final Directory directory;
    private final MessageSource messages;
    private final VisitTimes visitTimes;
    private final Clock clock;

    AppointmentPageController(FrontDeskPages pages, Appointments appointments, SlotChoices choices,
            Directory directory, MessageSource messages, VisitTimes visitTimes, Clock clock) {
        this.visitTimes = visitTimes;
        this.pages = pages;
        this.appointments = appointments;
        this.choices = choices;
        this.directory = directory;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/front-desk/appointments/{id}")
    String appointment(@PathVariable String id, HttpServletRequest request, Locale locale, Model model) {
        pages.requireScheduling();
        details(appointments.read(id), request, locale, model);
        model.addAttribute("errors", FormErrors.none());
        return "workspace/frontdesk/appointment";
    }

    @PostMapping("/front-desk/appointments/{id}/cancel")
    String cancel(@PathVariable String id, @RequestParam(defaultValue = "") String reason, HttpServletRequest request,
            Locale locale, Model model, RedirectAttributes redirect) {
        pages.requireScheduling();
        try {
            appointments.changeStatus(id, AppointmentStatus.CANCELLED, Optional.of(reason).filter(r -> !r.isBlank()));
            redirect.addFlashAttribute("cancelled", true);
            return "redirect:/front-desk/appointments/" + id;
        } catch (InvalidFieldsException e) {
            details(appointments.read(id), request, locale, model);
            model.addAttribute("errors", FormErrors.of(e, Map.of("cancellationReason", "reason"), "reason", messages,
                    locale));
            return "workspace/frontdesk/appointment";
        }
    }

    @GetMapping("/front-desk/appointments/{id}/reschedule")
    String rescheduleForm(@PathVariable String id, @RequestParam Optional<String> date, HttpServletRequest request,
            Locale locale, Model model) {
        pages.requireScheduling();
        AppointmentView appointment = appointments.read(id);
        ZoneId zone = UserTimeZone.of(request, pages.clinicZone());
        LocalDate day = date.flatMap(Times::parseDate).orElse(LocalDate.now(clock.withZone(zone)));
        details(appointment, request, locale, model);
        model.addAttribute("date", day.toString());
        if (choices.inThePast(day, zone) || date.filter(d -> !d.isBlank()).isPresent()
                && date.flatMap(Times::parseDate).isEmpty()) {
            model.addAttribute("errors", new FormErrors(List.of(new FormErrors.FieldError("date",
                    messages.getMessage("booking.error.past", null, locale)))));
            model.addAttribute("choices", List.of());
        } else {
            model.addAttribute("errors", FormErrors.none());
            model.addAttribute("choices", choices.soonest(appointment.practitioner(), Optional.of(appointment.location()),
                    appointment.appointmentType(), day, zone, locale));
        }
        return "workspace/frontdesk/reschedule";
    }

    @PostMapping("/front-desk/appointments/{id}/reschedule")
    String reschedule(@PathVariable String id, @RequestParam String start, HttpServletRequest request, Locale locale,
            Model model, RedirectAttributes redirect) {
        pages.requireScheduling();
        ZoneId zone = UserTimeZone.of(request, pages.clinicZone());
        try {
            appointments.reschedule(id, Instant.parse(start));
            redirect.addFlashAttribute("rescheduled", true);
            return "redirect:/front-desk/appointments/" + id;
        } catch (SlotUnavailableException taken) {
            details(appointments.read(id), request, locale, model);
            model.addAttribute("date", LocalDate.now(clock.withZone(zone)).toString());
            model.addAttribute("taken", true);
            model.addAttribute("errors", FormErrors.none());
            model.addAttribute("choices", choices.alternatives(taken.alternatives(), zone, locale));
            return "workspace/frontdesk/reschedule";
        } catch (InvalidFieldsException | DateTimeException e) {
            details(appointments.read(id), request, locale, model);
            model.addAttribute("date", LocalDate.now(clock.withZone(zone)).toString());
            model.addAttribute("errors", new FormErrors(List.of(new FormErrors.FieldError("date",
                    messages.getMessage("booking.error.notMoved", null, locale)))));
            model.addAttribute("choices", List.of());
            return "workspace/frontdesk/reschedule";
        }
    }

    private void details(AppointmentView appointment, HttpServletRequest request, Locale locale, Model model) {
        ZoneId zone = UserTimeZone.of(request, pages.clinicZone());
        model.addAttribute("appointment", appointment);
        model.addAttribute("when", visitTimes.at(appointment.start(), appointment.location(), zone, locale));
        model.addAttribute("patient", PatientFacts.of(directory.readPatient(appointment.patient())));
        model.addAttribute("practitioner", directory.practitioner(appointment.practitioner()));
        model.addAttribute("location", directory.location(appointment.location()));
        model.addAttribute("reasons", BookingOptions.CANCELLATION_REASONS);
        model.addAttribute("booked", model.containsAttribute("booked") && Boolean.TRUE.equals(model.getAttribute("booked")));
    }

}
