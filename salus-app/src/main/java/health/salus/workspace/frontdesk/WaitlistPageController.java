package health.salus.workspace.frontdesk;

import health.salus.workspace.FormErrors;
import health.salus.platform.InvalidFieldsException;
import health.salus.scheduling.availability.AvailabilityStore;
import health.salus.scheduling.waitlist.Waitlist;
import health.salus.scheduling.waitlist.WaitlistRequest;
import health.salus.web.UserTimeZone;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Putting a patient on the waitlist from the booking page when no offered time suits: the provider (and
 * site) chosen there, between two days (whole days in the site's zone). Scheduling offers freed time
 * to the first matching patient with a hold.
 */
@Controller
class WaitlistPageController {

    private final FrontDeskPages pages;
    private final Waitlist waitlist;
    private final AvailabilityStore availability;
    private final Directory directory;
    private final MessageSource messages;

    WaitlistPageController(FrontDeskPages pages, Waitlist waitlist, AvailabilityStore availability,
            Directory directory, MessageSource messages) {
        this.pages = pages;
        this.waitlist = waitlist;
        this.availability = availability;
        this.directory = directory;
        this.messages = messages;
    }

    @PostMapping("/front-desk/patients/{patientId}/waitlist")
    String join(@PathVariable String patientId, BookingController.Criteria criteria,
            @RequestParam(defaultValue = "") String waitFrom, @RequestParam(defaultValue = "") String waitUntil,
            HttpServletRequest request, Locale locale, Model model, RedirectAttributes redirect) {
        pages.requireScheduling();
        ZoneId zone = criteria.locationId().flatMap(availability::zone)
                .orElseGet(() -> UserTimeZone.of(request, pages.clinicZone()));
        Optional<LocalDate> from = Times.parseDate(waitFrom);
        Optional<LocalDate> until = Times.parseDate(waitUntil);
        try {
            if (criteria.practitionerId().isEmpty() || from.isEmpty() || until.isEmpty()
                    || until.get().isBefore(from.get())) {
                throw InvalidFieldsException.of(criteria.practitionerId().isEmpty() ? "practitioner" : "waitUntil",
                        messages.getMessage(criteria.practitionerId().isEmpty() ? "waitlist.error.practitioner"
                                : "waitlist.error.window", null, Locale.ENGLISH));
            }
            waitlist.join(new WaitlistRequest(patientId, criteria.practitioner(), criteria.locationId().orElse(null),
                    null, null, criteria.typeCode(), "in-person"), from.get().atStartOfDay(zone).toInstant(),
                    until.get().plusDays(1).atStartOfDay(zone).toInstant());
            redirect.addFlashAttribute("waitlisted", directory.practitioner(criteria.practitioner()));
            return "redirect:" + FrontDeskPages.PATIENTS + "/" + patientId;
        } catch (InvalidFieldsException e) {
            redirect.addFlashAttribute("waitlistErrors", FormErrors.of(e, Map.of("practitioner", "practitioner",
                    "waitUntil", "waitUntil", "patient", "waitFrom"), "waitFrom", messages, locale).all());
            return "redirect:/front-desk/patients/" + patientId + "/book?practitioner="
                    + criteria.practitionerId().orElse("") + "&location=" + criteria.locationId().orElse("")
                    + "&type=" + criteria.typeCode() + "&date=" + Optional.ofNullable(criteria.date()).orElse("");
        }
    }

}
