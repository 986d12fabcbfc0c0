package health.salus.workspace.admin;

import health.salus.audit.AuditCategory;
import health.salus.audit.AuditOutcome;
import health.salus.audit.AuditReports;
import health.salus.audit.PurposeOfUse;
import health.salus.platform.InvalidFieldsException;
import health.salus.security.Accounts;
import health.salus.workspace.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit search for privacy officers and auditors: filters, a page of entries at a time, and the
 * same filter downloaded as CSV. Both go through {@link AuditReports}, which records every look (and
 * every refusal) in the trail, as the REST report does.
 */
@Controller
class AuditSearchController {

    private final AuditReports reports;
    private final Accounts accounts;
    private final AdminPages pages;
    private final MessageSource messages;
    private final Clock clock;

    AuditSearchController(AuditReports reports, Accounts accounts, AdminPages pages,
            MessageSource messages, Clock clock) {
        this.reports = reports;
        this.accounts = accounts;
        this.pages = pages;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping(AdminPages.AUDIT)
    String search(@RequestParam Map<String, String> params, HttpServletRequest request, Locale locale, Model model) {
        AuditFilterForm form = AuditFilterForm.of(params);
        ZoneId zone = pages.zone(request);
        try {
            AuditReports.ReportPage page = AdminPages.refusedAsPage(
                    () -> reports.search(form.reportParameters(zone, accounts)));
            AuditRow.Actors actors = new AuditRow.Actors(accounts);
            model.addAttribute("rows", page.entries().stream().map(e -> AuditRow.of(e, actors, zone, locale)).toList());
            model.addAttribute("page", page);
            model.addAttribute("previous", page.page() > 0 ? form.link(AdminPages.AUDIT, page.page() - 1) : null);
            model.addAttribute("next", page.hasNext() ? form.link(AdminPages.AUDIT, page.page() + 1) : null);
            model.addAttribute("export", form.link(AdminPages.AUDIT_EXPORT, -1));
            return page(form, FormErrors.none(), model);
        } catch (InvalidFieldsException e) {
            return page(form, FormErrors.of(e, AuditFilterForm.CONTROLS, "from", messages, locale), model);
        }
    }

    /** The whole filtered trail as a CSV download, streamed as it is read. */
    @GetMapping(AdminPages.AUDIT_EXPORT)
    String export(@RequestParam Map<String, String> params, HttpServletRequest request, HttpServletResponse response,
            Locale locale, Model model) throws IOException {
        AuditFilterForm form = AuditFilterForm.of(params);
        Map<String, String> filter = form.reportParameters(pages.zone(request), accounts);
        filter.remove("page");
        filter.remove("size");
        AuditReports.CsvExport export;
        try {
            export = AdminPages.refusedAsPage(() -> reports.export(filter));
        } catch (InvalidFieldsException e) {
            return page(form, FormErrors.of(e, AuditFilterForm.CONTROLS, "from", messages, locale), model);
        }
        response.setContentType("text/csv; charset=utf-8; header=present");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-entries-"
                + LocalDate.now(clock.withZone(pages.zone(request))) + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        export.writeTo(response.getWriter());
        return null;
    }

    private String page(AuditFilterForm form, FormErrors errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("outcomes", List.of(AuditOutcome.values()));
        model.addAttribute("purposes", List.of(PurposeOfUse.values()));
        model.addAttribute("categories", List.of(AuditCategory.values()));
        return "workspace/admin/audit";
    }
}
