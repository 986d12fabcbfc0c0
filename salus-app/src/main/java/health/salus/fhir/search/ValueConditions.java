package health.salus.fhir.search;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import health.salus.fhir.IndexValueTransform;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.hl7.fhir.r4.model.DateTimeType;

/** SQL conditions on one index row alias for a single search value of each parameter kind. */
final class ValueConditions {

    SqlFragment string(String idx, IndexedParam param, Optional<String> modifier, String raw,
            Optional<IndexValueTransform> identifying) {
        String value = SearchCriterion.unescape(raw);
        String mode = modifier.orElse("");
        if (identifying.isPresent()) {
            return keyedString(idx, param, mode, value, identifying.get());
        }
        return switch (mode) {
            case "" -> new SqlFragment().append(idx + ".value_norm like ? escape '!'",
                    likeEscape(TextNormalizer.normalize(value)) + "%");
            case "exact" -> new SqlFragment().append(idx + ".value_exact = ?", TextNormalizer.truncate(value));
            case "contains" -> new SqlFragment().append(idx + ".value_norm like ? escape '!'",
                    "%" + likeEscape(TextNormalizer.normalize(value)) + "%");
            default -> throw CriterionSql.unsupportedModifier(param, mode);
        };
    }

    /** Keyed values are compared whole: the index holds a row per form a search may ask for. */
    private static SqlFragment keyedString(String idx, IndexedParam param, String mode, String value,
            IndexValueTransform transform) {
        if (mode.equals("contains")) {
            throw keyedOnly(param, ":contains");
        }
        if (!mode.isEmpty() && !mode.equals("exact")) {
            throw CriterionSql.unsupportedModifier(param, mode);
        }
        boolean exact = mode.equals("exact");
        List<String> forms = transform.stringLookup(param.resourceType(), param.name(),
                exact ? IndexValueTransform.StringMatch.EXACT : IndexValueTransform.StringMatch.PREFIX, value);
        return anyOf(idx + (exact ? ".value_exact" : ".value_norm"), forms);
    }

    private static SqlFragment anyOf(String column, List<String> values) {
        if (values.isEmpty()) {
            return new SqlFragment().append("1 = 0");
        }
        SqlFragment sql = new SqlFragment().append(column + (values.size() == 1 ? " = ?" : " in (?"), values.get(0));
        for (int i = 1; i < values.size(); i++) {
            sql.append(i + 1 == values.size() ? ", ?)" : ", ?", values.get(i));
        }
        return sql;
    }

    /** Names the parameter and why, never the value searched for. */
    static InvalidRequestException keyedOnly(IndexedParam param, String feature) {
        return new InvalidRequestException(feature + " is not available for '" + param.name() + "' of "
                + param.resourceType() + ": its values identify people and are indexed only as keyed hashes, "
                + "which match whole values and prefixes (and :exact), not parts of them or an order");
    }

    SqlFragment token(String idx, IndexedParam param, Optional<String> modifier, String raw,
            Optional<IndexValueTransform> identifying) {
        String mode = modifier.orElse("");
        if (mode.equals("text")) {
            if (identifying.isPresent()) {
                throw keyedOnly(param, ":text");
            }
            return new SqlFragment().append(idx + ".text_norm like ? escape '!'",
                    likeEscape(TextNormalizer.normalize(SearchCriterion.unescape(raw))) + "%");
        }
        if (!mode.isEmpty()) {
            throw CriterionSql.unsupportedModifier(param, mode);
        }
        List<String> parts = SearchCriterion.splitUnescaped(raw, '|');
        if (parts.size() > 2) {
            throw new InvalidRequestException("A value of '" + param.name() + "' has more than one '|'");
        }
        UnaryOperator<String> codeOf = identifying.<UnaryOperator<String>>map(
                transform -> code -> transform.tokenCode(param.resourceType(), param.name(), code))
                .orElse(UnaryOperator.identity());
        if (parts.size() == 1) {
            return new SqlFragment().append(idx + ".code = ?", codeOf.apply(SearchCriterion.unescape(parts.get(0))));
        }
        String system = SearchCriterion.unescape(parts.get(0));
        String code = SearchCriterion.unescape(parts.get(1));
        SqlFragment sql = new SqlFragment();
        sql.append(system.isEmpty() ? idx + ".system is null" : idx + ".system = ?",
                system.isEmpty() ? new Object[0] : new Object[] {system});
        if (!code.isEmpty()) {
            sql.append(" and " + idx + ".code = ?", codeOf.apply(code));
        }
        return sql;
    }

    SqlFragment date(String idx, IndexedParam param, Optional<String> modifier, String raw) {
        modifier.ifPresent(m -> {
            throw CriterionSql.unsupportedModifier(param, m);
        });
        SearchPrefix.Prefixed prefixed = SearchPrefix.split(raw);
        DateRange search = parseDate(param.name(), prefixed.value());
        return rangeCondition(idx + ".low_ms", idx + ".high_ms", prefixed.prefix(), search);
    }

    SqlFragment lastUpdated(String alias, SearchCriterion criterion) {
        SqlFragment sql = new SqlFragment().append("(");
        for (int i = 0; i < criterion.orValues().size(); i++) {
            SearchPrefix.Prefixed prefixed = SearchPrefix.split(criterion.orValues().get(i));
            DateRange search = parseDate("_lastUpdated", prefixed.value());
            SqlFragment range = rangeCondition(alias + ".last_updated", alias + ".last_updated", prefixed.prefix(),
                    search);
            // last_updated is a timestamp column: compare with timestamps, not epoch numbers
            Object[] args = range.argList().stream().map(v -> new Timestamp((Long) v)).toArray();
            sql.append(i == 0 ? "(" : " or (").append(new SqlFragment().append(range.sql(), args)).append(")");
        }
        return sql.append(")");
    }

    private static SqlFragment rangeCondition(String low, String high, SearchPrefix prefix, DateRange search) {
        long sl = search.lowMs();
        long sh = search.highMs();
        return switch (prefix) {
            case EQ -> new SqlFragment().append(low + " >= ? and " + high + " <= ?", sl, sh);
            case NE -> new SqlFragment().append("not (" + low + " >= ? and " + high + " <= ?)", sl, sh);
            case GT -> new SqlFragment().append(high + " > ?", sh);
            case GE -> new SqlFragment().append(high + " >= ?", sl);
            case LT -> new SqlFragment().append(low + " < ?", sl);
            case LE -> new SqlFragment().append(low + " <= ?", sh);
            case SA -> new SqlFragment().append(low + " > ?", sh);
            case EB -> new SqlFragment().append(high + " < ?", sl);
            case AP -> {
                // approximately: widen by a tenth of the distance from now, at least one day
                long distance = Math.abs(System.currentTimeMillis() - sl);
                long margin = Math.max(86_400_000L, distance / 10);
                yield new SqlFragment().append(low + " <= ? and " + high + " >= ?", sh + margin, sl - margin);
            }
        };
    }

    private static DateRange parseDate(String param, String value) {
        try {
            DateTimeType parsed = new DateTimeType(value);
            if (parsed.getValue() == null) {
                throw new IllegalArgumentException();
            }
            return DateRange.of(parsed);
        } catch (RuntimeException e) {
            throw new InvalidRequestException("Invalid date or time in parameter '" + param
                    + "': expected e.g. 2024, 2024-03, 2024-03-15 or 2024-03-15T10:00:00Z");
        }
    }

    SqlFragment number(String idx, IndexedParam param, Optional<String> modifier, String raw) {
        modifier.ifPresent(m -> {
            throw CriterionSql.unsupportedModifier(param, m);
        });
        SearchPrefix.Prefixed prefixed = SearchPrefix.split(raw);
        return numberCondition(idx + ".num_value", prefixed.prefix(), parseNumber(param.name(), prefixed.value()));
    }

    SqlFragment quantity(String idx, IndexedParam param, Optional<String> modifier, String raw) {
        modifier.ifPresent(m -> {
            throw CriterionSql.unsupportedModifier(param, m);
        });
        List<String> parts = SearchCriterion.splitUnescaped(raw, '|');
        if (parts.size() != 1 && parts.size() != 3) {
            throw new InvalidRequestException("A value of '" + param.name()
                    + "' must be [prefix]number or [prefix]number|system|code");
        }
        SearchPrefix.Prefixed prefixed = SearchPrefix.split(parts.get(0));
        SqlFragment sql = numberCondition(idx + ".num_value", prefixed.prefix(), parseNumber(param.name(),
                prefixed.value()));
        if (parts.size() == 3) {
            String system = SearchCriterion.unescape(parts.get(1));
            String code = SearchCriterion.unescape(parts.get(2));
            if (!system.isEmpty()) {
                sql.append(" and " + idx + ".system = ?", system);
            }
            if (!code.isEmpty()) {
                sql.append(" and " + idx + ".code = ?", code);
            }
        }
        return sql;
    }

    private static SqlFragment numberCondition(String column, SearchPrefix prefix, BigDecimal value) {
        // a search value stands for the interval its precision implies: 100 means [99.5, 100.5)
        BigDecimal half = BigDecimal.ONE.movePointLeft(Math.max(value.scale(), 0)).divide(BigDecimal.valueOf(2));
        return switch (prefix) {
            case EQ -> new SqlFragment().append(column + " >= ? and " + column + " < ?", value.subtract(half),
                    value.add(half));
            case NE -> new SqlFragment().append("not (" + column + " >= ? and " + column + " < ?)",
                    value.subtract(half), value.add(half));
            case GT, SA -> new SqlFragment().append(column + " > ?", value);
            case GE -> new SqlFragment().append(column + " >= ?", value);
            case LT, EB -> new SqlFragment().append(column + " < ?", value);
            case LE -> new SqlFragment().append(column + " <= ?", value);
            case AP -> {
                BigDecimal margin = value.abs().divide(BigDecimal.TEN).max(half);
                yield new SqlFragment().append(column + " >= ? and " + column + " <= ?", value.subtract(margin),
                        value.add(margin));
            }
        };
    }

    private static BigDecimal parseNumber(String param, String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("Invalid number in parameter '" + param + "'");
        }
    }

    SqlFragment reference(String idx, IndexedParam param, Optional<String> modifier, String raw) {
        String value = SearchCriterion.unescape(raw);
        if (modifier.isPresent()) {
            String type = modifier.get();
            if (!param.targets().contains(type)) {
                throw CriterionSql.unsupportedModifier(param, type);
            }
            return new SqlFragment().append(idx + ".target_type = ? and " + idx + ".target_id = ?", type,
                    value.contains("/") ? value.substring(value.lastIndexOf('/') + 1) : value);
        }
        if (value.contains("://") || value.startsWith("urn:")) {
            // canonical references are indexed by URL; absolute references to resources by type and id
            Optional<ReferenceTarget> target = ReferenceTarget.parse(value);
            SqlFragment sql = new SqlFragment().append("(" + idx + ".target_type is null and " + idx
                    + ".target_id = ?)", value);
            target.filter(t -> t.type() != null).ifPresent(t -> sql.append(" or (" + idx + ".target_type = ? and "
                    + idx + ".target_id = ?)", t.type(), t.id()));
            return sql;
        }
        Optional<ReferenceTarget> target = ReferenceTarget.parse(value);
        if (target.isEmpty()) {
            throw new InvalidRequestException("Invalid reference in parameter '" + param.name() + "'");
        }
        if (target.get().type() == null) {
            return new SqlFragment().append(idx + ".target_id = ?", target.get().id());
        }
        return new SqlFragment().append(idx + ".target_type = ? and " + idx + ".target_id = ?", target.get().type(),
                target.get().id());
    }

    SqlFragment uri(String idx, IndexedParam param, Optional<String> modifier, String raw) {
        String value = SearchCriterion.unescape(raw);
        return switch (modifier.orElse("")) {
            case "" -> new SqlFragment().append(idx + ".uri = ?", value);
            case "below" -> new SqlFragment().append(idx + ".uri like ? escape '!'", likeEscape(value) + "%");
            default -> throw CriterionSql.unsupportedModifier(param, modifier.get());
        };
    }

    static String likeEscape(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
