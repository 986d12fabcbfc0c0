package health.salus.workspace.clinician;

import health.salus.web.DisplayText;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import health.salus.platform.InvalidFieldsException;
import health.salus.security.BreakGlass;
import health.salus.web.PageNotPermittedException;
import health.salus.workspace.clinician.ChartSummary.Section;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The patient chart: banner, summary and care timeline. A patient outside the clinician's care gets the
 * break-glass dialog instead (for roles the policy lets break the glass; others the "not permitted"
 * page); stating a reason opens the record for an hour, audited and alerted by the security module.
 */
@Controller
class ChartController {

    private static final String ID = "[A-Za-z0-9\\-.]{1,64}";

    private final ClinicianPages pages;
    private final PatientChart chart;
    private final SummaryReader summary;
    private final TimelineReader timeline;
    private final BreakGlass breakGlass;

    ChartController(ClinicianPages pages, PatientChart chart, SummaryReader summary, TimelineReader timeline,
            BreakGlass breakGlass) {
        this.pages = pages;
        this.chart = chart;
        this.summary = summary;
        this.timeline = timeline;
        this.breakGlass = breakGlass;
    }

    @GetMapping(ClinicianPages.PATIENTS + "/{id}")
    String chart(@PathVariable String id, @RequestParam Optional<List<String>> type,
            @RequestHeader(name = "HX-Target", required = false) String htmxTarget, HttpServletRequest request,
            HttpServletResponse response, Locale locale, Model model) {
        pages.requireClinician();
        Patient patient;
        try {
            patient = chart.patient(checked(id));
        } catch (ForbiddenOperationException outsideCare) {
            return breakGlassOr(outsideCare, id, Optional.empty(), response, model);
        }
        ZoneId zone = pages.zone(request);
        Set<String> kinds = TimelineReader.kinds(type.orElse(List.of()));
        model.addAttribute("kinds", Timeline.KINDS);
        model.addAttribute("patientId", id);
        if ("timeline".equals(htmxTarget)) {
            model.addAttribute("timeline", chart.together(() -> timeline.read(id, kinds, zone, locale)));
            return "workspace/clinician/chart :: timeline";
        }
        chart.together(() -> {
            model.addAttribute("timeline", timeline.read(id, kinds, zone, locale));
            Section<AllergyIntolerance> allergies = chart.allergies(id);
            model.addAttribute("banner", chart.banner(patient, allergies.items(), allergies.permitted(), zone, locale));
            model.addAttribute("summary", summary.read(id, allergies, zone, locale));
            return model;
        });
        model.addAttribute("zoneLabel", DisplayText.zoneName(zone, locale));
        return "workspace/clinician/chart";
    }

    @PostMapping(ClinicianPages.PATIENTS + "/{id}/break-glass")
    String breakTheGlass(@PathVariable String id, @RequestParam Optional<String> reason,
            HttpServletResponse response, Model model) {
        pages.requireClinician();
        try {
            breakGlass.invoke(checked(id), reason.orElse(""), Optional.empty());
        } catch (BreakGlass.BreakGlassRefusedException e) {
            throw new PageNotPermittedException();
        } catch (InvalidFieldsException e) {
            response.setStatus(422);
            return breakGlassPage(id, reason, true, model);
        }
        return "redirect:" + ClinicianPages.chart(id);
    }

    private String breakGlassOr(ForbiddenOperationException refusal, String id, Optional<String> reason,
            HttpServletResponse response, Model model) {
        if (!breakGlass.available()) {
            throw refusal;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return breakGlassPage(id, reason, false, model);
    }

    private String breakGlassPage(String id, Optional<String> reason, boolean invalid, Model model) {
        model.addAttribute("patientId", id);
        model.addAttribute("reason", reason.orElse(""));
        model.addAttribute("invalidReason", invalid);
        model.addAttribute("minutes", BreakGlass.DEFAULT_DURATION.toMinutes());
        model.addAttribute("minReason", BreakGlass.MIN_REASON);
        model.addAttribute("maxReason", BreakGlass.MAX_REASON);
        return "workspace/clinician/break-glass";
    }

    private static String checked(String id) {
        if (!id.matches(ID)) {
            throw new ResourceNotFoundException("Patient/" + "invalid");
        }
        return id;
    }
}
