package health.salus.portal.family;

import health.salus.portal.access.PortalAccess;
import health.salus.portal.access.PortalPaths;
import health.salus.web.DisplayText;
import health.salus.portal.record.AccessHistory;
import health.salus.portal.record.PeopleAndPlaces;
import health.salus.portal.record.RecordSummary;
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
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A family member's (proxy's) view: the people who share their record with them now, and for each
 * the parts shared — appointments, the record summary — while a part left out of the grant says
 * "not shared with you" instead of failing. What they see is what the access policy lets them read.
 */
@Controller
class FamilyController {

    private final PortalAccess access;
    private final PeopleAndPlaces names;
    private final RecordSummary summary;
    private final UpcomingAppointments appointments;
    private final AccessHistory accesses;

    FamilyController(PortalAccess access, PeopleAndPlaces names, RecordSummary summary,
            UpcomingAppointments appointments, AccessHistory accesses) {
        this.access = access;
        this.names = names;
        this.summary = summary;
        this.appointments = appointments;
        this.accesses = accesses;
    }

    /** A person who shares with the reader; {@code name} empty when their name is not shared. */
    record SharedPatient(String id, String name) {
    }

    @GetMapping(PortalPaths.FAMILY_HOME)
    String home(Model model) {
        access.requireRole(Role.PROXY); // an account not yet linked to a family member simply sees nobody sharing
        model.addAttribute("patients", access.sharedPatients().stream()
                .map(id -> new SharedPatient(id, names.nameOf("Patient/" + id).orElse(""))).toList());
        return "portal/family-home";
    }

    @GetMapping(PortalPaths.FAMILY_RECORD + "{patientId}")
    String record(@PathVariable String patientId, HttpServletRequest request, Locale locale, Model model) {
        access.requireFamilyMember();
        access.requireShared(patientId);
        ZoneId zone = access.zone(request);
        boolean appointmentsShared = access.mayRead("Appointment", patientId);
        model.addAttribute("patient", new SharedPatient(patientId, names.nameOf("Patient/" + patientId).orElse("")));
        model.addAttribute("appointmentsShared", appointmentsShared);
        model.addAttribute("visits", appointmentsShared ? appointments.of(patientId, zone, locale) : List.of());
        model.addAttribute("sections", summary.of(patientId, zone, locale));
        model.addAttribute("accesses", accesses.of(Optional.of(patientId), zone, locale));
        model.addAttribute("zoneLabel", DisplayText.zoneName(zone, locale));
        return "portal/family-record";
    }
}
