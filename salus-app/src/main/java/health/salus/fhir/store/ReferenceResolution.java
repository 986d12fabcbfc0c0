package health.salus.fhir.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the entries of a bundle will be stored as: each entry's full URL mapped to its final
 * {@code Type/id}, and which POST entries matched an existing resource through If-None-Exist.
 */
final class ReferenceResolution {

    private final Map<String, String> byFullUrl = new HashMap<>();
    private final Map<String, String> byCondition = new HashMap<>();
    private final Map<Integer, String> idByEntry = new HashMap<>();
    private final Set<Integer> existing = new HashSet<>();

    void assign(int entry, String fullUrl, String type, String id, boolean alreadyStored) {
        idByEntry.put(entry, id);
        if (alreadyStored) {
            existing.add(entry);
        }
        if (fullUrl != null && !fullUrl.isBlank()) {
            byFullUrl.put(fullUrl, type + "/" + id);
        }
    }

    /** Remembers that {@code Type?condition} names the entry that will be stored as {@code Type/id}. */
    void condition(String type, String ifNoneExist, String id) {
        String query = ifNoneExist.contains("?") ? ifNoneExist.substring(ifNoneExist.indexOf('?') + 1) : ifNoneExist;
        byCondition.put(type + "?" + query, type + "/" + id);
    }

    Optional<String> conditional(String reference) {
        return Optional.ofNullable(byCondition.get(reference));
    }

    Optional<String> target(String fullUrl) {
        return Optional.ofNullable(byFullUrl.get(fullUrl));
    }

    Optional<String> id(int entry) {
        return Optional.ofNullable(idByEntry.get(entry));
    }

    boolean matchedExisting(int entry) {
        return existing.contains(entry);
    }
}
