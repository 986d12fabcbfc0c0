package health.salus.fhir.store;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import health.salus.fhir.SearchRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the search in a conditional URL: {@code Type?params} or just {@code params}. */
final class ConditionalUrl {

    private ConditionalUrl() {
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
            String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        if (params.isEmpty()) {
            throw new InvalidRequestException("A condition needs at least one search parameter");
        }
        return new SearchRequest(resourceType, params);
    }
}
