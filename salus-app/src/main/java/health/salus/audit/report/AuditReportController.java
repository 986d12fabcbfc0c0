package health.salus.audit.report;

import health.salus.audit.AuditOutcome;
import health.salus.audit.recording.AuditAccess;
import health.salus.audit.trail.ChainHashing;
import health.salus.audit.trail.EntryRows;
import health.salus.audit.trail.EntryRows.StoredEntry;
import health.salus.security.Role;
import health.salus.security.Subject;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The officers' report on the trail: entries filtered by actor, patient, time, category, action and
 * outcome, newest first, as JSON pages or as one streamed CSV file of every match. Looking is
 * itself recorded (category AUDIT) before anything is returned.
 */
@RestController
class AuditReportController {

    private static final Set<Role> READERS = Set.of(Role.PRIVACY_OFFICER, Role.AUDITOR);
    private static final int MAX_EXPORT = 1_000_000;
    private static final String CSV_HEADER = "sequence,recorded_at,occurred_at,category,action,outcome,actor_id,"
            + "actor_roles,on_behalf_of,patient_id,resource_type,resource_ids,purpose,client_ip,user_agent,request_id,"
            + "detail,hash\r\n";

    private final AuditAccess access;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    AuditReportController(AuditAccess access, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.access = access;
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @GetMapping("/api/audit/entries")
    ResponseEntity<?> entries(@RequestParam Map<String, String> params,
            @RequestHeader(name = "Accept", required = false) String accept, HttpServletResponse response)
            throws IOException {
        boolean csv = "csv".equalsIgnoreCase(params.get("format"))
                || params.get("format") == null && accept != null && accept.contains("text/csv");
        Subject subject = access.require(READERS, csv ? "export" : "report");
        EntryFilter filter = EntryFilter.parse(params);
        access.record(subject, csv ? "export" : "report", AuditOutcome.SUCCESS, filter.patient(), csv ? "csv" : "json");
        if (csv) {
            export(filter, response);
            return null;
        }
        return ResponseEntity.ok(page(filter));
    }

    private Map<String, Object> page(EntryFilter filter) {
        EntryFilter.Sql where = filter.where();
        long total = jdbc.queryForObject("select count(*) from audit_entry" + where.where(), Long.class,
                where.args().toArray());
        List<Object> args = new java.util.ArrayList<>(where.args());
        args.add(filter.size());
        args.add((long) filter.page() * filter.size());
        List<Map<String, Object>> entries = jdbc.query("select " + EntryRows.COLUMNS + " from audit_entry"
                + where.where() + " order by sequence desc limit ? offset ?", (rs, n) -> json(EntryRows.map(rs)),
                args.toArray());
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("page", filter.page());
        page.put("size", filter.size());
        page.put("total", total);
        page.put("entries", entries);
        return page;
    }

    private void export(EntryFilter filter, HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType("text/csv; charset=utf-8; header=present");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-entries.csv\"");
        Writer out = response.getWriter();
        out.write(CSV_HEADER);
        EntryFilter.Sql where = filter.where();
        // in a read-only transaction, so PostgreSQL streams rows by the fetch size instead of loading them all
        readOnly.executeWithoutResult(status -> jdbc.query(connection -> {
            var statement = connection.prepareStatement("select " + EntryRows.COLUMNS + " from audit_entry"
                    + where.where() + " order by sequence desc limit " + MAX_EXPORT);
            statement.setFetchSize(500);
            for (int i = 0; i < where.args().size(); i++) {
                statement.setObject(i + 1, where.args().get(i));
            }
            return statement;
        }, rs -> {
            try {
                out.write(csv(EntryRows.map(rs)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
        out.flush();
    }

    private static String csv(StoredEntry entry) {
        var r = entry.record();
        List<String> cells = List.of(Long.toString(entry.sequence()), ChainHashing.time(entry.recordedAt()),
                ChainHashing.time(r.occurredAt()), r.category().name(), r.action(), r.outcome().name(),
                nullToEmpty(r.actor().id()), String.join(",", r.actor().roles()), nullToEmpty(r.actor().onBehalfOf()),
                nullToEmpty(r.patientId()), nullToEmpty(r.resourceType()), String.join(",", r.resourceIds()),
                r.purpose().name(), nullToEmpty(r.origin().clientIp()), nullToEmpty(r.origin().userAgent()),
                nullToEmpty(r.origin().requestId()), nullToEmpty(r.detail()), entry.hash());
        return String.join(",", cells.stream().map(CsvCells::cell).toList()) + "\r\n";
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

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
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
