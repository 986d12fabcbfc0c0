package health.salus.audit.fhir;

import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import health.salus.audit.AuditCategory;
import health.salus.audit.AuditOutcome;
import health.salus.audit.view.AuditEntries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns AuditEvent search parameters into conditions on {@code audit_entry}. Several values of one
 * parameter separated by commas are alternatives (OR); repeated parameters must all hold (AND).
 * Anything not understood is refused with a 400 rather than silently ignored.
 */
final class AuditEventSearch {

    /** The search parameters answered, with what the CapabilityStatement says of them. */
    static final Map<String, String> PARAMS = Map.of(
            "date", "When the activity occurred (AuditEvent.recorded); prefixes eq lt le gt ge sa eb",
            "agent", "Who acted: Practitioner/x, Patient/x, RelatedPerson/x, or an account or client id",
            "who", "Same as agent",
            "patient", "The patient whose record was touched: Patient/x or x",
            "entity", "A resource touched: Type/id",
            "type", "Kind of event: rest, 110114 (user authentication), 110101 (audit log used), 110113",
            "subtype", "FHIR interaction (read, search-type, create, update, delete) or Salus action",
            "action", "C, R, U, D or E",
            "outcome", "0 success, 4 refused, 8 failed");
    static final Set<String> CONTROL = Set.of("_count", "_offset", "_total", "_format", "_pretty");

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.:]{1,128}");

    private final Function<String, List<String>> accountsLinkedTo;

    /** {@code accountsLinkedTo} finds the accounts linked to {@code Practitioner/x} and the like. */
    AuditEventSearch(Function<String, List<String>> accountsLinkedTo) {
        this.accountsLinkedTo = accountsLinkedTo;
    }

    void apply(Map<String, String[]> params, AuditEntries.Query query) {
        for (Map.Entry<String, String[]> param : params.entrySet()) {
            String name = param.getKey();
            if (CONTROL.contains(name)) {
                continue;
            }
            if (!PARAMS.containsKey(name)) {
                throw new InvalidRequestException("AuditEvent cannot be searched by '" + name + "'; see /fhir/metadata");
            }
            for (String value : param.getValue()) {
                List<String> alternatives = Arrays.stream(value.split(",")).map(String::trim)
                        .filter(v -> !v.isEmpty()).toList();
                if (alternatives.isEmpty()) {
                    throw new InvalidRequestException("Parameter '" + name + "' needs a value");
                }
                if (name.equals("date")) {
                    alternatives.forEach(date -> date(date, query));
                } else {
                    condition(name, alternatives, query);
                }
            }
        }
    }

    private void condition(String name, List<String> values, AuditEntries.Query query) {
        switch (name) {
            case "agent", "who" -> query.in("actor_id", actors(values));
            case "patient" -> query.in("patient_id", values.stream().map(v -> id(strip(v, "Patient/"))).toList());
            case "entity" -> entity(values, query);
            case "type" -> query.in("category", values.stream().flatMap(v -> categories(code(v)).stream()).toList());
            case "subtype" -> query.in("action", values.stream().map(v -> subtypeAction(code(v))).toList());
            case "action" -> query.where(String.join(" or ", values.stream().map(v -> "(" + action(code(v)) + ")")
                    .toList()));
            case "outcome" -> query.in("outcome", values.stream().map(v -> outcome(code(v))).toList());
            default -> throw new IllegalStateException(name);
        }
    }

    private List<String> actors(List<String> values) {
        List<String> ids = new ArrayList<>();
        for (String value : values) {
            if (value.matches("(Practitioner|Patient|RelatedPerson)/[A-Za-z0-9\\-.]{1,64}")) {
                ids.addAll(accountsLinkedTo.apply(value));
            } else {
                ids.add(id(value));
            }
        }
        return ids;
    }

    /** A resource touched: a Patient also matches entries about that patient's record. */
    private static void entity(List<String> values, AuditEntries.Query query) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (String value : values) {
            String[] parts = value.split("/");
            if (parts.length != 2 || !parts[0].matches("[A-Z][A-Za-z]{1,63}")) {
                throw new InvalidRequestException("entity is a reference: Type/id");
            }
            String id = id(parts[1]);
            if (parts[0].equals("Patient")) {
                conditions.add("patient_id = ?");
                params.add(id);
            }
            conditions.add("(resource_type = ? and ',' || resource_ids || ',' like ?)");
            params.add(parts[0]);
            params.add("%," + id + ",%");
        }
        query.where(String.join(" or ", conditions), params.toArray());
    }

    /** action C/R/U/D/E as the recorded entries that {@link AuditEventMapper#action} maps to it. */
    private static String action(String code) {
        return switch (code) {
            case "C" -> "category = 'PATIENT_DATA' and action = 'create'";
            case "R" -> "(category = 'PATIENT_DATA' and action = 'read') or category = 'AUDIT'";
            case "U" -> "category = 'PATIENT_DATA' and action = 'update'";
            case "D" -> "category = 'PATIENT_DATA' and action = 'delete'";
            case "E" -> "(category = 'PATIENT_DATA' and action not in ('read', 'create', 'update', 'delete')) "
                    + "or category not in ('PATIENT_DATA', 'AUDIT')";
            default -> throw new InvalidRequestException("action is one of C, R, U, D, E");
        };
    }

    private static List<String> categories(String code) {
        return switch (code) {
            case "rest" -> List.of(AuditCategory.PATIENT_DATA.name());
            case "110114" -> List.of(AuditCategory.AUTHENTICATION.name());
            case "110101" -> List.of(AuditCategory.AUDIT.name());
            case "110113" -> List.of(AuditCategory.ADMINISTRATION.name(), AuditCategory.KEY_MANAGEMENT.name(),
                    AuditCategory.SECURITY.name());
            default -> throw new InvalidRequestException("type is one of rest, 110114, 110101, 110113");
        };
    }

    private static String subtypeAction(String code) {
        return AuditEventMapper.SUBTYPES.entrySet().stream().filter(e -> e.getValue().equals(code))
                .map(Map.Entry::getKey).findFirst().orElse(id(code));
    }

    private static String outcome(String code) {
        return switch (code) {
            case "0" -> AuditOutcome.SUCCESS.name();
            case "4" -> AuditOutcome.DENIED.name();
            case "8" -> AuditOutcome.FAILURE.name();
            case "12" -> "-";
            default -> throw new InvalidRequestException("outcome is one of 0, 4, 8, 12");
        };
    }

    private static void date(String value, AuditEntries.Query query) {
        DateParam param;
        try {
            param = new DateParam(value);
        } catch (RuntimeException e) {
            throw new InvalidRequestException("date is a FHIR date or dateTime with an optional prefix");
        }
        if (param.getValue() == null || param.getPrefix() == ParamPrefixEnum.NOT_EQUAL
                || param.getPrefix() == ParamPrefixEnum.APPROXIMATE) {
            throw new InvalidRequestException("date takes the prefixes eq, lt, le, gt, ge, sa, eb");
        }
        DateRangeParam range = new DateRangeParam(param);
        if (range.getLowerBoundAsInstant() != null) {
            query.where("occurred_at >= ?", range.getLowerBoundAsInstant().toInstant());
        }
        if (range.getUpperBoundAsInstant() != null) {
            query.where("occurred_at <= ?", range.getUpperBoundAsInstant().toInstant());
        }
    }

    /** A token's code: {@code system|code} or {@code code}. */
    private static String code(String token) {
        int bar = token.indexOf('|');
        return bar < 0 ? token : token.substring(bar + 1);
    }

    private static String strip(String value, String prefix) {
        return value.startsWith(prefix) ? value.substring(prefix.length()) : value;
    }

    static String id(String value) {
        if (!ID.matcher(value).matches()) {
            throw new InvalidRequestException("Not a valid id or code: ids are letters, digits, '-', '.' and ':'");
        }
        return value;
    }

    static Set<String> names() {
        return new HashSet<>(PARAMS.keySet());
    }
}
