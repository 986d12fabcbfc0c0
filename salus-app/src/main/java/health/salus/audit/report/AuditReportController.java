package health.salus.audit.report;

import health.salus.audit.AuditOutcome;
import health.salus.audit.AuditReports;
import health.salus.audit.recording.AuditAccess;
import health.salus.audit.trail.EntryRows.StoredEntry;
import health.salus.security.Subject;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The officers' report on the trail: entries filtered by actor, patient, time, category, action,
 * outcome and purpose of use, newest first, as JSON pages or as one streamed CSV file of every match.
 * Looking is itself recorded (category AUDIT) before anything is returned.
 */
@RestController
class AuditReportController {

    private final AuditAccess access;
    private final AuditReportService reports;

    AuditReportController(AuditAccess access, AuditReportService reports) {
        this.access = access;
        this.reports = reports;
    }

    @GetMapping("/api/audit/entries")
    ResponseEntity<?> entries(@RequestParam Map<String, String> params,
            @RequestHeader(name = "Accept", required = false) String accept, HttpServletResponse response)
            throws IOException {
        boolean csv = "csv".equalsIgnoreCase(params.get("format"))
                || params.get("format") == null && accept != null && accept.contains("text/csv");
        Subject subject = access.require(AuditReports.READERS, csv ? "export" : "report");
        EntryFilter filter = EntryFilter.parse(params);
        access.record(subject, csv ? "export" : "report", AuditOutcome.SUCCESS, filter.patient(), csv ? "csv" : "json");
        if (csv) {
            response.setStatus(200);
            response.setContentType("text/csv; charset=utf-8; header=present");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader("Content-Disposition", "attachment; filename=\"audit-entries.csv\"");
            reports.writeCsv(filter, response.getWriter());
            return null;
        }
        AuditReportService.Page page = reports.page(filter);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("page", filter.page());
        json.put("size", filter.size());
        json.put("total", page.total());
        json.put("entries", page.entries().stream().map(AuditReportController::json).toList());
        return ResponseEntity.ok(json);
    }

    private static Map<String, Object> json(StoredEntry entry) {
        var r = entry.record();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sequence", entry.sequence());
        json.put("recordedAt", entry.recordedAt().toString());
        json.put("occurredAt", r.occurredAt().toString());
        json.put("category", r.category());
        json.put("action", r.action());
        json.put("outcome", r.outcome());
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("id", r.actor().id());
        actor.put("roles", r.actor().roles());
        actor.put("onBehalfOf", r.actor().onBehalfOf());
        json.put("actor", actor);
        json.put("patient", r.patientId());
        json.put("resourceType", r.resourceType());
        json.put("resourceIds", r.resourceIds());
        json.put("purpose", r.purpose());
        json.put("purposeCode", r.purpose().v3Code());
        json.put("clientIp", r.origin().clientIp());
        json.put("userAgent", r.origin().userAgent());
        json.put("requestId", r.origin().requestId());
        json.put("detail", r.detail());
        json.put("hash", entry.hash());
        return json;
    }

    @ExceptionHandler(EntryFilter.Invalid.class)
    ResponseEntity<ProblemDetail> invalid(EntryFilter.Invalid invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Some report parameters are not valid: " + String.join(", ", invalid.fields().keySet()));
        problem.setTitle("Invalid report parameters");
        problem.setProperty("errors", invalid.fields().entrySet().stream()
                .map(e -> Map.of("field", e.getKey(), "message", e.getValue())).toList());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
