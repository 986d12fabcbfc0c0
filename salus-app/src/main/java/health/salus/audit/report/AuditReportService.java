package health.salus.audit.report;

import health.salus.audit.AuditEntry;
import health.salus.audit.AuditOutcome;
import health.salus.audit.AuditReports;
import health.salus.audit.recording.AuditAccess;
import health.salus.audit.trail.ChainHashing;
import health.salus.audit.trail.EntryRows;
import health.salus.audit.trail.EntryRows.StoredEntry;
import health.salus.platform.InvalidFieldsException;
import health.salus.security.Subject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the trail for officers: a page of entries or every entry as CSV. The REST report and the
 * officers' screens both come here, so both look alike in the trail.
 */
@Service
class AuditReportService implements AuditReports {

    private static final int MAX_EXPORT = 1_000_000;
    static final String CSV_HEADER = "sequence,recorded_at,occurred_at,category,action,outcome,actor_id,"
            + "actor_roles,on_behalf_of,patient_id,resource_type,resource_ids,purpose,client_ip,user_agent,request_id,"
            + "detail,hash\r\n";

    private final AuditAccess access;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    AuditReportService(AuditAccess access, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.access = access;
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @Override
    public ReportPage search(Map<String, String> params) {
        Subject subject = access.require(READERS, "report");
        EntryFilter filter = parse(params);
        access.record(subject, "report", AuditOutcome.SUCCESS, filter.patient(), "json");
        Page page = page(filter);
        return new ReportPage(filter.page(), filter.size(), page.total(), page.entries().stream()
                .map(e -> new AuditEntry(e.sequence(), e.record(), e.previousHash(), e.hash())).toList());
    }

    @Override
    public CsvExport export(Map<String, String> params) {
        Subject subject = access.require(READERS, "export");
        EntryFilter filter = parse(params);
        access.record(subject, "export", AuditOutcome.SUCCESS, filter.patient(), "csv");
        return out -> writeCsv(filter, out);
    }

    private static EntryFilter parse(Map<String, String> params) {
        try {
            return EntryFilter.parse(params);
        } catch (EntryFilter.Invalid invalid) {
            throw new InvalidFieldsException(invalid.fields().entrySet().stream()
                    .map(e -> new InvalidFieldsException.FieldProblem(e.getKey(), e.getValue())).toList());
        }
    }

    record Page(long total, List<StoredEntry> entries) {
    }

    Page page(EntryFilter filter) {
        EntryFilter.Sql where = filter.where();
        long total = jdbc.queryForObject("select count(*) from audit_entry" + where.where(), Long.class,
                where.args().toArray());
        List<Object> args = new ArrayList<>(where.args());
        args.add(filter.size());
        args.add((long) filter.page() * filter.size());
        List<StoredEntry> entries = jdbc.query("select " + EntryRows.COLUMNS + " from audit_entry"
                + where.where() + " order by sequence desc limit ? offset ?", (rs, n) -> EntryRows.map(rs),
                args.toArray());
        return new Page(total, entries);
    }

    void writeCsv(EntryFilter filter, Writer out) throws IOException {
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
                throw new UncheckedIOException(e);
            }
        }));
        out.flush();
    }

    static String csv(StoredEntry entry) {
        var r = entry.record();
        List<String> cells = List.of(Long.toString(entry.sequence()), ChainHashing.time(entry.recordedAt()),
                ChainHashing.time(r.occurredAt()), r.category().name(), r.action(), r.outcome().name(),
                nullToEmpty(r.actor().id()), String.join(",", r.actor().roles()), nullToEmpty(r.actor().onBehalfOf()),
                nullToEmpty(r.patientId()), nullToEmpty(r.resourceType()), String.join(",", r.resourceIds()),
                r.purpose().name(), nullToEmpty(r.origin().clientIp()), nullToEmpty(r.origin().userAgent()),
                nullToEmpty(r.origin().requestId()), nullToEmpty(r.detail()), entry.hash());
        return String.join(",", cells.stream().map(CsvCells::cell).toList()) + "\r\n";
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
