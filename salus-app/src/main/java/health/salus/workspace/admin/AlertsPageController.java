package health.salus.workspace.admin;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import health.salus.audit.SecurityAlerts;
import health.salus.platform.InvalidFieldsException;
import health.salus.security.Accounts;
import health.salus.web.DisplayText;
import health.salus.workspace.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The security monitors' alerts for the privacy officer: open ones first by default, each with what
 * raised it, and a form to acknowledge it with a note (recorded in the trail by {@link SecurityAlerts}).
 */
@Controller
class AlertsPageController {

    private final SecurityAlerts alerts;
    private final Accounts accounts;
    private final AdminPages pages;
    private final MessageSource messages;

    AlertsPageController(SecurityAlerts alerts, Accounts accounts, AdminPages pages,
            MessageSource messages) {
        this.alerts = alerts;
        this.accounts = accounts;
        this.pages = pages;
        this.messages = messages;
    }

    /** An alert as listed: times in the reader's zone, the actor by username where it is an account. */
    record AlertRow(String id, String rule, String severity, String actor, String patientId, String detail,
            String raised, boolean open, String acknowledgedBy, String acknowledgedAt, String note) {
    }

    @GetMapping(AdminPages.ALERTS)
    String list(@RequestParam(defaultValue = "open") String status, HttpServletRequest request, Locale locale,
            Model model) {
        return page(status, FormErrors.none(), "", request, locale, model);
    }

    @PostMapping(AdminPages.ALERTS + "/{id}/acknowledgement")
    String acknowledge(@PathVariable String id, @RequestParam(required = false) String note,
            @RequestParam(defaultValue = "open") String status, HttpServletRequest request, Locale locale,
            Model model, RedirectAttributes redirect) {
        try {
            AdminPages.refusedAsPage(() -> alerts.acknowledge(id, note))
                    .orElseThrow(() -> new ResourceNotFoundException("no such alert"));
        } catch (InvalidFieldsException e) {
            FormErrors errors = FormErrors.of(e, Map.of("note", "note-" + id), "note-" + id, messages, locale);
            return page(status, errors, id, request, locale, model);
        }
        redirect.addFlashAttribute("done", "admin.alerts.acknowledged");
        return "redirect:" + AdminPages.ALERTS + ("all".equals(status) ? "?status=all" : "");
    }

    private String page(String status, FormErrors errors, String failedAlert, HttpServletRequest request,
            Locale locale, Model model) {
        boolean openOnly = !"all".equals(status);
        ZoneId zone = pages.zone(request);
        AuditRow.Actors actors = new AuditRow.Actors(accounts);
        List<SecurityAlerts.SecurityAlert> latest = AdminPages.refusedAsPage(() -> alerts.latest(openOnly));
        List<AlertRow> rows = latest.stream().map(a -> new AlertRow(a.id(), a.rule(), a.severity(),
                actors.name(a.actorId()), Optional.ofNullable(a.patientId()).orElse(""), a.detail(),
                DisplayText.dateTime(a.created(), zone, locale), a.open(),
                a.acknowledgedBy().map(actors::name).orElse(""),
                a.acknowledgedAt().map(at -> DisplayText.dateTime(at, zone, locale)).orElse(""),
                a.note().orElse(""))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("status", openOnly ? "open" : "all");
        model.addAttribute("errors", errors);
        model.addAttribute("failedAlert", failedAlert);
        model.addAttribute("maxNote", SecurityAlerts.MAX_NOTE);
        return "workspace/admin/alerts";
    }
}
