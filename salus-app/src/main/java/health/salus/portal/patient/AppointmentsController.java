package health.salus.portal.patient;

import health.salus.platform.InvalidFieldsException;
import health.salus.portal.access.PortalAccess;
import health.salus.portal.access.PortalPaths;
import health.salus.web.DisplayText;
import health.salus.portal.record.UpcomingAppointments;
import health.salus.scheduling.booking.Appointments;
import health.salus.scheduling.booking.BookingRequest;
import health.salus.scheduling.booking.SlotUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The patient's appointments: the coming ones with a cancel button each, and booking a routine visit
 * with a provider at a free time. Scheduling books and cancels as the patient (cancellation reason
 * "pat", the patient's own), so the policy and the reservation table decide, not this page.
 */
@Controller
class AppointmentsController {

    /** The fields a booking can be refused for that the page words for a patient; others get a general line. */
    private static final Set<String> EXPLAINED = Set.of("patient", "start");

    private final PortalAccess access;
    private final UpcomingAppointments upcoming;
    private final Booking booking;
    private final Appointments appointments;

    AppointmentsController(PortalAccess access, UpcomingAppointments upcoming, Booking booking,
            Appointments appointments) {
        this.access = access;
        this.upcoming = upcoming;
        this.booking = booking;
        this.appointments = appointments;
    }

    @GetMapping(PortalPaths.APPOINTMENTS)
    String list(@RequestParam Optional<String> done, HttpServletRequest request, Locale locale, Model model) {
        String patientId = access.requireOwnPatient();
        ZoneId zone = access.zone(request);
        model.addAttribute("visits", upcoming.of(patientId, zone, locale));
        model.addAttribute("done", done.filter(d -> d.equals("booked") || d.equals("cancelled")).orElse(""));
        model.addAttribute("zoneLabel", DisplayText.zoneName(zone, locale));
        return "portal/appointments";
    }

    /** Cancel: htmx swaps in the row saying so; without script the list reloads with a notice. */
    @PostMapping(PortalPaths.APPOINTMENTS + "/{id}/cancel")
    String cancel(@PathVariable String id, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        access.requireOwnPatient();
        appointments.changeStatus(id, AppointmentStatus.CANCELLED, Optional.of("pat"));
        if (htmx == null) {
            return "redirect:" + PortalPaths.APPOINTMENTS + "?done=cancelled";
        }
        model.addAttribute("id", id);
        return "portal/appointments :: cancelled";
    }

    @GetMapping(PortalPaths.BOOK)
    String bookForm(@RequestParam Optional<String> practitioner, @RequestParam Optional<String> from,
            HttpServletRequest request, Locale locale, Model model) {
        access.requireOwnPatient();
        ZoneId zone = access.zone(request);
        bookingPage(practitioner.filter(p -> !p.isBlank()), from, zone, locale, model);
        return "portal/book";
    }

    @PostMapping(PortalPaths.BOOK)
    String book(@RequestParam String practitioner, @RequestParam String location, @RequestParam String start,
            @RequestParam Optional<String> from, HttpServletRequest request, Locale locale, Model model) {
        String patientId = access.requireOwnPatient();
        try {
            appointments.book(new BookingRequest(patientId, practitioner, location, start, null, Booking.VISIT_TYPE,
                    Booking.VISIT_MODE));
            return "redirect:" + PortalPaths.APPOINTMENTS + "?done=booked";
        } catch (SlotUnavailableException taken) {
            model.addAttribute("problem", "taken");
        } catch (InvalidFieldsException invalid) {
            model.addAttribute("problem", invalid.problems().stream().map(p -> p.field())
                    .filter(EXPLAINED::contains).findFirst().orElse("other"));
        }
        ZoneId zone = access.zone(request);
        bookingPage(Optional.of(practitioner), from, zone, locale, model);
        return "portal/book";
    }

    private void bookingPage(Optional<String> practitioner, Optional<String> from, ZoneId zone, Locale locale,
            Model model) {
        Optional<LocalDate> parsed = from.filter(f -> !f.isBlank()).flatMap(AppointmentsController::date);
        boolean invalidDate = from.filter(f -> !f.isBlank()).isPresent() && parsed.isEmpty();
        LocalDate today = booking.today(zone);
        LocalDate day = parsed.filter(d -> !d.isBefore(today)).orElse(today);
        List<Booking.Option> providers = booking.providers();
        Optional<String> picked = practitioner.filter(p -> providers.stream().anyMatch(o -> o.id().equals(p)));
        model.addAttribute("providers", providers);
        model.addAttribute("practitioner", picked.orElse(""));
        model.addAttribute("from", day.toString());
        model.addAttribute("invalidDate", invalidDate);
        model.addAttribute("searched", picked.isPresent());
        model.addAttribute("slots", picked.map(p -> booking.freeTimes(p, day, zone, locale)).orElse(List.of()));
        model.addAttribute("zoneLabel", DisplayText.zoneName(zone, locale));
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
