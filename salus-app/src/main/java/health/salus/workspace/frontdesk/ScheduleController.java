package health.salus.workspace.frontdesk;

import health.salus.web.DisplayText;

import health.salus.fhir.ResourceStore;
import health.salus.scheduling.availability.AvailabilityStore;
import health.salus.scheduling.booking.Appointments;
import health.salus.web.UserTimeZone;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The front desk's home: a day's appointments per site and provider, in the site's time zone (the
 * user's own when no site is picked), with a check-in button per booked visit.
 */
@Controller
class ScheduleController {

    private final FrontDeskPages pages;
    private final DaySchedule schedule;
    private final Directory directory;
    private final AvailabilityStore availability;
    private final Appointments appointments;
    private final ResourceStore store;
    private final Clock clock;

    ScheduleController(FrontDeskPages pages, DaySchedule schedule, Directory directory,
            AvailabilityStore availability, Appointments appointments, ResourceStore store, Clock clock) {
        this.pages = pages;
        this.schedule = schedule;
        this.directory = directory;
        this.availability = availability;
        this.appointments = appointments;
        this.store = store;
        this.clock = clock;
    }

    @GetMapping(FrontDeskPages.SCHEDULE)
    String schedule(@RequestParam Optional<String> date, @RequestParam Optional<String> location,
            @RequestParam Optional<String> practitioner, HttpServletRequest request, Locale locale, Model model) {
        pages.requireScheduling();
        Optional<String> site = location.filter(s -> !s.isBlank());
        Optional<String> provider = practitioner.filter(s -> !s.isBlank());
        ZoneId zone = zone(site, request);
        LocalDate day = date.flatMap(Times::parseDate).orElse(LocalDate.now(clock.withZone(zone)));
        model.addAttribute("date", day.toString());
        model.addAttribute("dateLabel", DisplayText.fullDate(day, locale));
        model.addAttribute("zoneLabel", DisplayText.zoneName(zone, locale));
        model.addAttribute("location", site.orElse(""));
        model.addAttribute("practitioner", provider.orElse(""));
        model.addAttribute("locations", directory.locations(site));
        // providers are listed per site: the whole network's list is too long to pick from
        model.addAttribute("practitioners", site.isPresent()
                ? BookingOptions.practitioners(availability, directory, site, clock) : java.util.List.of());
        model.addAttribute("rows", schedule.rows(day, zone, site, provider, locale));
        model.addAttribute("invalidDate", date.filter(d -> !d.isBlank()).isPresent()
                && date.flatMap(Times::parseDate).isEmpty());
        return "workspace/frontdesk/schedule";
    }

    /** Check-in: htmx swaps in the changed row; without script the page reloads. */
    @PostMapping("/front-desk/appointments/{id}/check-in")
    String checkIn(@PathVariable String id, @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestParam Optional<String> back, HttpServletRequest request, Locale locale, Model model) {
        pages.requireScheduling();
        appointments.changeStatus(id, AppointmentStatus.ARRIVED, Optional.empty());
        if (htmx == null) {
            return "redirect:" + back.filter(b -> b.startsWith("/front-desk")).orElse(FrontDeskPages.SCHEDULE);
        }
        Appointment appointment = (Appointment) store.read("Appointment", id);
        ZoneId zone = zone(DaySchedule.actor(appointment, "Location"), request);
        model.addAttribute("row", schedule.row(appointment, zone, locale));
        model.addAttribute("justCheckedIn", true);
        return "workspace/frontdesk/schedule :: row";
    }

    private ZoneId zone(Optional<String> site, HttpServletRequest request) {
        return site.flatMap(availability::zone).orElseGet(() -> UserTimeZone.of(request, pages.clinicZone()));
    }

}
