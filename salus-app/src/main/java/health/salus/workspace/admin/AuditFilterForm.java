package health.salus.workspace.admin;

import health.salus.security.Accounts;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit search form: dates as the reader means them (whole days in their time zone), the user by
 * username or account id, and the rest as the audit report takes them. The same filter drives the
 * page, its paging links and the CSV export.
 */
record AuditFilterForm(String from, String to, String user, String patient, String action, String outcome,
        String purpose, String category, int page) {

    /** The report's parameter names → this form's control ids, for field errors. */
    static final Map<String, String> CONTROLS = Map.of("from", "from", "to", "to", "actor", "user",
            "patient", "patient", "action", "action", "outcome", "outcome", "purpose", "purpose",
            "category", "category");
    static final int PAGE_SIZE = 25;

    static AuditFilterForm of(Map<String, String> params) {
        int page;
        try {
            page = Math.max(0, Integer.parseInt(params.getOrDefault("page", "0")));
        } catch (NumberFormatException e) {
            page = 0;
        }
        return new AuditFilterForm(value(params, "from"), value(params, "to"), value(params, "user"),
                value(params, "patient"), value(params, "action"), value(params, "outcome"), value(params, "purpose"),
                value(params, "category"), page);
    }

    private static String value(Map<String, String> params, String name) {
        return Optional.ofNullable(params.get(name)).map(String::strip).orElse("");
    }

    /**
     * The audit report's parameters; a date becomes the start of that day (or of the next, for "to") in
     * {@code zone}.
     */
    Map<String, String> reportParameters(ZoneId zone, Accounts accounts) {
        Map<String, String> report = new LinkedHashMap<>();
        put(report, "from", day(from, zone, false));
        put(report, "to", day(to, zone, true));
        put(report, "actor", user.isEmpty() ? "" : accounts.idOf(user).orElse(user));
        put(report, "patient", patient);
        put(report, "action", action);
        put(report, "outcome", outcome);
        put(report, "purpose", purpose);
        put(report, "category", category);
        report.put("page", Integer.toString(page));
        report.put("size", Integer.toString(PAGE_SIZE));
        return report;
    }

    private static String day(String value, ZoneId zone, boolean endOfDay) {
        if (value.isEmpty()) {
            return "";
        }
        try {
            LocalDate date = LocalDate.parse(value);
            return (endOfDay ? date.plusDays(1) : date).atStartOfDay(zone).toInstant().toString();
        } catch (DateTimeParseException notADate) {
            return value; // the report names what it expects
        }
    }

    private static void put(Map<String, String> params, String name, String value) {
        if (!value.isEmpty()) {
            params.put(name, value);
        }
    }

    /** This filter on {@code path}, at {@code page} (negative: no page parameter). */
    String link(String path, int toPage) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("from", from);
        fields.put("to", to);
        fields.put("user", user);
        fields.put("patient", patient);
        fields.put("action", action);
        fields.put("outcome", outcome);
        fields.put("purpose", purpose);
        fields.put("category", category);
        fields.forEach((name, value) -> {
            if (!value.isEmpty()) {
                uri.queryParam(name, value);
            }
        });
        if (toPage >= 0) {
            uri.queryParam("page", toPage);
        }
        return uri.encode().build().toUriString();
    }
}
