package health.salus.fhir;

import java.util.List;
import java.util.Map;

/**
 * A search as it arrives: the resource type and the raw query parameters (name with modifier or
 * chain → one value per repetition, commas inside meaning OR). Paging, sorting, totals and
 * includes are parameters too ({@code _count}, {@code _offset}, {@code _sort}, {@code _total},
 * {@code _include}, {@code _revinclude}).
 */
public record SearchRequest(String resourceType, Map<String, List<String>> parameters) {

    public SearchRequest {
        parameters = Map.copyOf(parameters);
    }
}
