package health.salus.portal.patient;

import health.salus.web.DisplayText;

import health.salus.portal.access.PortalAccess;
import health.salus.portal.access.PortalPaths;
import health.salus.portal.record.AccessHistory;
import health.salus.portal.record.PeopleAndPlaces;
import health.salus.portal.record.UpcomingAppointments;
import health.salus.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The patient's home: their next appointments and the latest accesses to their record at a glance,
 * and the way to everything else the portal offers.
 */
@Controller
class PatientHomeController {

    private static final int SHOWN = 3;
    private static final int ACCESSES_SHOWN = 5;

    private final PortalAccess access;
    private final UpcomingAppointments appointments;
    private final AccessHistory accesses;
    private final PeopleAndPlaces names;

    PatientHomeController(PortalAccess access, UpcomingAppointments appointments, AccessHistory accesses,
            PeopleAndPlaces names) {
        this.access = access;
        this.appointments = appointments;
        this.accesses = accesses;
        this.names = names;
    }

    @GetMapping(PortalPaths.PATIENT_HOME)
    String home(HttpServletRequest request, Locale locale, Model model) {
        access.requireRole(Role.PATIENT);
        Optional<String> own = access.ownPatient();
        if (own.isEmpty()) {
            return "portal/unlinked";
        }
        String patientId = own.get();
        ZoneId zone = access.zone(request);
        List<UpcomingAppointments.Visit> visits = appointments.of(patientId, zone, locale);
        List<AccessHistory.Line> lines = accesses.of(Optional.empty(), zone, locale);
        model.addAttribute("name", names.nameOf("Patient/" + patientId).orElse(""));
        model.addAttribute("visits", visits.subList(0, Math.min(SHOWN, visits.size())));
        model.addAttribute("moreVisits", visits.size() > SHOWN);
        model.addAttribute("accesses", lines.subList(0, Math.min(ACCESSES_SHOWN, lines.size())));
        model.addAttribute("moreAccesses", lines.size() > ACCESSES_SHOWN);
        model.addAttribute("zoneLabel", DisplayText.zoneName(zone, locale));
        return "portal/patient-home";
    }
}
