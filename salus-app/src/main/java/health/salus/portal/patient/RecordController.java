package health.salus.portal.patient;

import health.salus.portal.access.PortalAccess;
import health.salus.portal.access.PortalPaths;
import health.salus.web.DisplayText;
import health.salus.portal.record.AccessHistory;
import health.salus.portal.record.PeopleAndPlaces;
import health.salus.portal.record.RecordSummary;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The patient's record summary, and the full list of who looked at their record. */
@Controller
class RecordController {

    private final PortalAccess access;
    private final RecordSummary summary;
    private final AccessHistory accesses;
    private final PeopleAndPlaces names;

    RecordController(PortalAccess access, RecordSummary summary, AccessHistory accesses, PeopleAndPlaces names) {
        this.access = access;
        this.summary = summary;
        this.accesses = accesses;
        this.names = names;
    }

    @GetMapping(PortalPaths.RECORD)
    String record(HttpServletRequest request, Locale locale, Model model) {
        String patientId = access.requireOwnPatient();
        ZoneId zone = access.zone(request);
        model.addAttribute("name", names.nameOf("Patient/" + patientId).orElse(""));
        model.addAttribute("sections", summary.of(patientId, zone, locale));
        return "portal/record";
    }

    @GetMapping(PortalPaths.ACCESSES)
    String accesses(HttpServletRequest request, Locale locale, Model model) {
        access.requireOwnPatient();
        ZoneId zone = access.zone(request);
        model.addAttribute("accesses", accesses.of(Optional.empty(), zone, locale));
        model.addAttribute("zoneLabel", DisplayText.zoneName(zone, locale));
        return "portal/accesses";
    }
}
