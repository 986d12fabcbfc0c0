package health.salus.fhir.search;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The index rows extracted from one resource version, one list per parameter kind. */
public final class IndexRows {

    public record StringRow(String param, String valueNorm, String valueExact) {
    }

    public record TokenRow(String param, String system, String code, String textNorm) {
    }

    public record DateRow(String param, long lowMs, long highMs) {
    }

    public record NumberRow(String param, BigDecimal value) {
    }

    public record QuantityRow(String param, BigDecimal value, String system, String code) {
    }

    public record ReferenceRow(String param, String targetType, String targetId) {
    }

    public record UriRow(String param, String uri) {
    }

    public final List<StringRow> strings = new ArrayList<>();
    public final List<TokenRow> tokens = new ArrayList<>();
    public final List<DateRow> dates = new ArrayList<>();
    public final List<NumberRow> numbers = new ArrayList<>();
    public final List<QuantityRow> quantities = new ArrayList<>();
    public final List<ReferenceRow> references = new ArrayList<>();
    public final List<UriRow> uris = new ArrayList<>();
}
