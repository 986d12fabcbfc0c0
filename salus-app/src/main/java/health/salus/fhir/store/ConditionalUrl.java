package health.salus.fhir.store;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import health.salus.fhir.SearchRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the search in a conditional URL: {@code Type?params} or just {@code params}. */
final class ConditionalUrl {

    private static final Set<String> RESULT_PARAMS = Set.of("_count", "_offset", "_sort", "_total", "_include",
            "_revinclude", "_summary", "_elements", "_format", "_pretty");

    private ConditionalUrl() {
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("A condition is not correctly URL-encoded");
        }
    }

    static SearchRequest parse(String resourceType, String url) {
        String query = url;
        int question = url.indexOf('?');
        if (question >= 0) {
            String type = url.substring(0, question);
            if (!type.isEmpty() && !type.equals(resourceType) && !type.endsWith("/" + resourceType)) {
                throw new InvalidRequestException("The condition is for " + type + ", not " + resourceType);
            }
            query = url.substring(question + 1);
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new InvalidRequestException("A condition must be made of name=value pairs");
            }
            String name = decode(pair.substring(0, eq));
            String value = decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        // a condition that restricts nothing would match (and update or delete) an arbitrary resource
        boolean restricts = params.entrySet().stream().anyMatch(e -> !RESULT_PARAMS.contains(e.getKey())
                && e.getValue().stream().anyMatch(v -> !v.isEmpty()));
        if (!restricts) {
            throw new InvalidRequestException("A condition needs at least one search parameter with a value");
        }
        return new SearchRequest(resourceType, params);
    }
}
