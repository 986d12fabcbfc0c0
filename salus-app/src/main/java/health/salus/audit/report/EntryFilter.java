package health.salus.audit.report;

import health.salus.audit.AuditCategory;
import health.salus.audit.AuditOutcome;
import health.salus.audit.PurposeOfUse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What an officer asked the trail for, checked field by field: every bad parameter is named with
 * what it should look like, and none is echoed back (a patient id typed into the wrong box is still
 * a patient id).
 */
record EntryFilter(String actor, String patient, Instant from, Instant to, AuditCategory category, String action,
        AuditOutcome outcome, PurposeOfUse purpose, int page, int size) {

    static final int MAX_SIZE = 500;
    private static final Pattern ACTOR = Pattern.compile("[A-Za-z0-9:._@\\-]{1,128}");
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9_.$\\-]{1,64}");

    /** Parameters that failed, field → message. */
    static final class Invalid extends RuntimeException {
        private final transient Map<String, String> fields;

        Invalid(Map<String, String> fields) {
            super("Invalid audit report parameters: " + fields.keySet());
            this.fields = fields;
        }

        Map<String, String> fields() {
            return fields;
        }
    }

    static EntryFilter parse(Map<String, String> params) {
        Map<String, String> errors = new LinkedHashMap<>();
        Parser p = new Parser(params, errors);
        String actor = p.matching("actor", ACTOR, "an account or client id (letters, digits, : . _ @ -), at most 128");
        String patient = p.matching("patient", FHIR_ID, "a Patient id (letters, digits, - and .), at most 64");
        Instant from = p.parsed("from", value -> instant(value, false),
                "an instant (2026-03-01T08:00:00Z) or a date (2026-03-01)");
        Instant to = p.parsed("to", value -> instant(value, true),
                "an instant (2026-03-01T08:00:00Z) or a date (2026-03-01, up to its end)");
        AuditCategory category = p.parsed("category", value -> AuditCategory.valueOf(value.toUpperCase(Locale.ROOT)
                .replace('-', '_')), "one of " + List.of(AuditCategory.values()));
        String action = p.matching("action", ACTION, "an action code such as read, search or export");
        AuditOutcome outcome = p.parsed("outcome", value -> AuditOutcome.valueOf(value.toUpperCase(Locale.ROOT)),
                "one of " + List.of(AuditOutcome.values()));
        PurposeOfUse purpose = p.parsed("purpose", value -> PurposeOfUse.valueOf(value.toUpperCase(Locale.ROOT)
                .replace('-', '_')), "one of " + List.of(PurposeOfUse.values()));
        Integer page = p.parsed("page", Integer::valueOf, "a whole number from 0");
        Integer size = p.parsed("size", Integer::valueOf, "a whole number from 1 to " + MAX_SIZE);
        if (page != null && page < 0) {
            errors.put("page", "expected a whole number from 0");
        }
        if (size != null && (size < 1 || size > MAX_SIZE)) {
            errors.put("size", "expected a whole number from 1 to " + MAX_SIZE);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            errors.put("to", "must be later than from");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        return new EntryFilter(actor, patient, from, to, category, action, outcome, purpose, page == null ? 0 : page,
                size == null ? 50 : size);
    }

    private static Instant instant(String value, boolean endOfDay) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            LocalDate date = LocalDate.parse(value);
            return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    /** The where clause and its arguments; times bound {@code occurred_at}, from inclusive, to exclusive. */
    Sql where() {
        StringBuilder sql = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        condition(sql, args, "actor_id = ?", actor);
        condition(sql, args, "patient_id = ?", patient);
        condition(sql, args, "occurred_at >= ?", from == null ? null : from.atOffset(ZoneOffset.UTC));
        condition(sql, args, "occurred_at < ?", to == null ? null : to.atOffset(ZoneOffset.UTC));
        condition(sql, args, "category = ?", category == null ? null : category.name());
        condition(sql, args, "action = ?", action);
        condition(sql, args, "outcome = ?", outcome == null ? null : outcome.name());
        condition(sql, args, "purpose = ?", purpose == null ? null : purpose.name());
        return new Sql(sql.toString(), args);
    }

    private static void condition(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            sql.append(" and ").append(clause);
            args.add(value);
        }
    }

    record Sql(String where, List<Object> args) {
    }

    private record Parser(Map<String, String> params, Map<String, String> errors) {

        String matching(String name, Pattern pattern, String expected) {
            return parsed(name, value -> {
                if (!pattern.matcher(value).matches()) {
                    throw new IllegalArgumentException();
                }
                return value;
            }, expected);
        }

        <T> T parsed(String name, Function<String, T> parse, String expected) {
            String value = params.get(name);
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return parse.apply(value.strip());
            } catch (RuntimeException e) {
                errors.put(name, "expected " + expected);
                return null;
            }
        }
    }
}
