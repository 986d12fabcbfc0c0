package health.salus.workspace.frontdesk;

import health.salus.workspace.FormErrors;
import health.salus.platform.InvalidFieldsException;
import health.salus.scheduling.availability.AvailabilityStore;
import health.salus.scheduling.booking.AppointmentView;
import health.salus.scheduling.booking.Appointments;
import health.salus.scheduling.booking.BookingRequest;
import health.salus.scheduling.booking.SlotUnavailableException;
import health.salus.web.UserTimeZone;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Booking for a patient: pick provider, site, visit type and a day; the soonest free times follow,
 * each a button. A time taken meanwhile brings back the nearest free ones instead; a patient who cannot
 * be booked (no privacy consent) is told why at the top.
 */
@Controller
class BookingController {

    private final FrontDeskPages pages;
    private final Appointments appointments;
    private final SlotChoices choices;
    private final Directory directory;
    private final AvailabilityStore availability;
    private final MessageSource messages;
    private final Clock clock;

    BookingController(FrontDeskPages pages, Appointments appointments, SlotChoices choices, Directory directory,
            AvailabilityStore availability, MessageSource messages, Clock clock) {
        this.pages = pages;
        this.appointments = appointments;
        this.choices = choices;
        this.directory = directory;
        this.availability = availability;
        this.messages = messages;
        this.clock = clock;
    }

    /** The booking form's choices as the browser sends them. */
    record Criteria(String practitioner, String location, String type, String date) {
        Optional<String> practitionerId() {
            return Optional.ofNullable(practitioner).filter(p -> !p.isBlank());
        }

        Optional<String> locationId() {
            return Optional.ofNullable(location).filter(l -> !l.isBlank());
        }

        String typeCode() {
            return type == null || !BookingOptions.APPOINTMENT_TYPES.contains(type) ? BookingOptions.APPOINTMENT_TYPES.get(0)
                    : type;
        }
    }

    @GetMapping("/front-desk/patients/{patientId}/book")
    String form(@PathVariable String patientId, Criteria criteria, HttpServletRequest request, Locale locale,
            Model model) {
        pages.requireScheduling();
        ZoneId zone = UserTimeZone.of(request, pages.clinicZone());
        LocalDate day = day(criteria.date(), zone);
        prepare(patientId, criteria, day, model);
        boolean badDate = criteria.date() != null && !criteria.date().isBlank() && !day.toString().equals(criteria.date());
        if (badDate || choices.inThePast(day, zone)) {
            model.addAttribute("errors", new FormErrors(List.of(new FormErrors.FieldError("date",
                    messages.getMessage(badDate ? "booking.error.date" : "booking.error.past", null, locale)))));
        } else if (criteria.practitionerId().isPresent()) {
            try {
                model.addAttribute("choices", choices.soonest(criteria.practitionerId().get(), criteria.locationId(),
                        criteria.typeCode(), day, zone, locale));
            } catch (InvalidFieldsException e) {
                model.addAttribute("errors", FormErrors.of(e, Map.of("appointmentType", "type", "to", "date"),
                        "practitioner", messages, locale));
            }
        }
        return "workspace/frontdesk/book";
    }

    @PostMapping("/front-desk/patients/{patientId}/appointments")
    String book(@PathVariable String patientId, Criteria criteria, @RequestParam String start,
            @RequestParam(name = "slotLocation") String slotLocation, HttpServletRequest request, Locale locale,
            Model model, RedirectAttributes redirect) {
        pages.requireScheduling();
        ZoneId zone = UserTimeZone.of(request, pages.clinicZone());
        try {
            AppointmentView booked = appointments.book(new BookingRequest(patientId, criteria.practitioner(),
                    slotLocation, start, null, criteria.typeCode(), "in-person"));
            redirect.addFlashAttribute("booked", true);
            return "redirect:/front-desk/appointments/" + booked.id();
        } catch (SlotUnavailableException taken) {
            prepare(patientId, criteria, day(criteria.date(), zone), model);
            model.addAttribute("taken", true);
            model.addAttribute("choices", choices.alternatives(taken.alternatives(), zone, locale));
        } catch (InvalidFieldsException e) {
            prepare(patientId, criteria, day(criteria.date(), zone), model);
            model.addAttribute("errors", FormErrors.of(e, Map.of("practitioner", "practitioner", "location", "location",
                    "appointmentType", "type", "start", "date"), "practitioner", messages, locale));
        }
        return "workspace/frontdesk/book";
    }

    private void prepare(String patientId, Criteria criteria, LocalDate day, Model model) {
        model.addAttribute("patient", PatientFacts.of((Patient) directory.readPatient(patientId)));
        model.addAttribute("criteria", criteria);
        model.addAttribute("type", criteria.typeCode());
        model.addAttribute("date", day.toString());
        model.addAttribute("waitUntil", day.plusDays(14).toString());
        model.addAttribute("types", BookingOptions.APPOINTMENT_TYPES);
        model.addAttribute("locations", directory.locations(criteria.locationId()));
        model.addAttribute("practitioners", BookingOptions.practitioners(availability, directory, criteria.locationId(),
                clock));
        model.addAttribute("action", "/front-desk/patients/" + patientId + "/appointments");
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
    }

    private LocalDate day(String text, ZoneId zone) {
        return Times.parseDate(text).orElseGet(() -> LocalDate.now(clock.withZone(zone)));
    }
}
