package health.salus.fhir.store;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import health.salus.fhir.SearchPage;
import health.salus.fhir.VersionTag;
import health.salus.fhir.SearchRequest;
import health.salus.fhir.WriteOutcome;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** Resolves, rewrites and runs the entries of one bundle against the store. */
final class EntryOperations {

    private final JdbcResourceStore store;
    private final WriteBatch batch;

    EntryOperations(JdbcResourceStore store, WriteBatch batch) {
        this.store = store;
        this.batch = batch;
    }

    static void requireRequest(BundleEntryComponent entry) {
        if (!entry.hasRequest() || !entry.getRequest().hasMethod() || !entry.getRequest().hasUrl()) {
            throw new InvalidRequestException("Every bundle entry needs request.method and request.url");
        }
        Bundle.HTTPVerb method = entry.getRequest().getMethod();
        if ((method == Bundle.HTTPVerb.POST || method == Bundle.HTTPVerb.PUT) && !entry.hasResource()) {
            throw new InvalidRequestException("A " + method.toCode() + " entry needs a resource");
        }
    }

    /** Gives every POST and PUT entry its final id before anything is written. */
    ReferenceResolution resolveIdentities(List<BundleEntryComponent> entries) {
        ReferenceResolution resolution = new ReferenceResolution();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            BundleEntryComponent entry = entries.get(i);
            Bundle.BundleEntryRequestComponent request = entry.getRequest();
            String fullUrl = entry.getFullUrl();
            if (request.getMethod() == Bundle.HTTPVerb.POST) {
                Resource resource = entry.getResource();
                Optional<ResourceRow> match = request.hasIfNoneExist()
                        ? single(resource.fhirType(), request.getIfNoneExist(), "If-None-Exist") : Optional.empty();
                resolution.assign(i, fullUrl, resource.fhirType(),
                        match.map(ResourceRow::id).orElseGet(ResourceWriter::newId), match.isPresent());
                if (request.hasIfNoneExist()) {
                    // a conditional reference elsewhere in the bundle may name this entry by its condition
                    resolution.condition(resource.fhirType(), request.getIfNoneExist(), resolution.id(i).orElseThrow());
                }
            } else if (request.getMethod() == Bundle.HTTPVerb.PUT) {
                Resource resource = entry.getResource();
                String url = request.getUrl();
                String id = url.contains("?")
                        ? single(resource.fhirType(), url, "conditional update").map(ResourceRow::id)
                                .orElseGet(ResourceWriter::newId)
                        : idFromUrl(url, resource.fhirType());
                if (!seen.add(resource.fhirType() + "/" + id)) {
                    throw new InvalidRequestException("A transaction may name " + resource.fhirType()
                            + " " + id + " only once");
                }
                resolution.assign(i, fullUrl, resource.fhirType(), id, false);
            }
        }
        return resolution;
    }

    /** Points references to other entries and conditional references at their final ids. */
    void rewriteReferences(List<BundleEntryComponent> entries, ReferenceResolution resolution) {
        for (BundleEntryComponent entry : entries) {
            if (!entry.hasResource()) {
                continue;
            }
            for (Reference reference : References.all(entry.getResource())) {
                String value = reference.getReference();
                if (value == null || value.startsWith("#")) {
                    continue;
                }
                Optional<String> target = resolution.target(value);
                if (target.isPresent()) {
                    reference.setReference(target.get());
                } else if (value.startsWith("urn:uuid:") || value.startsWith("urn:oid:")) {
                    throw new InvalidRequestException("A reference points to an entry that is not in the bundle");
                } else if (value.contains("?") && resolution.conditional(value).isPresent()) {
                    reference.setReference(resolution.conditional(value).get());
                } else if (value.contains("?")) {
                    String type = value.substring(0, value.indexOf('?'));
                    ResourceRow match = single(type, value, "conditional reference").orElseThrow(
                            () -> new PreconditionFailedException("A conditional reference to " + type
                                    + " matched nothing"));
                    reference.setReference(type + "/" + match.id());
                }
            }
        }
    }

    BundleEntryComponent execute(BundleEntryComponent entry, ReferenceResolution resolution, int index) {
        Bundle.BundleEntryRequestComponent request = entry.getRequest();
        String url = request.getUrl();
        return switch (request.getMethod()) {
            case POST -> {
                if (resolution.matchedExisting(index)) {
                    yield EntryResponses.written(WriteOutcome.unchanged(
                            store.read(entry.getResource().fhirType(), resolution.id(index).orElseThrow())));
                }
                yield EntryResponses.written(store.createWithId(batch, entry.getResource(),
                        resolution.id(index).orElseThrow()));
            }
            case PUT -> EntryResponses.written(store.update(batch, withId(entry.getResource(),
                    resolution.id(index).orElseThrow()), ifMatch(request)));
            case PATCH -> EntryResponses.written(patch(entry, url, request));
            case DELETE -> {
                if (url.contains("?")) {
                    String type = url.substring(0, url.indexOf('?'));
                    store.conditionalDelete(batch, type, url);
                } else {
                    String[] parts = typeAndId(url);
                    store.delete(batch, parts[0], parts[1]);
                }
                yield EntryResponses.status("204 No Content");
            }
            case GET, HEAD -> {
                flush();
                yield EntryResponses.read(read(url));
            }
            default -> throw new InvalidRequestException("Unsupported bundle entry method");
        };
    }

    void flush() {
        batch.flush();
    }

    private Resource withId(Resource resource, String id) {
        resource.setId(resource.fhirType() + "/" + id);
        return resource;
    }

    private WriteOutcome patch(BundleEntryComponent entry, String url, Bundle.BundleEntryRequestComponent request) {
        if (!(entry.getResource() instanceof Binary binary) || !binary.hasData()) {
            throw new InvalidRequestException("A PATCH entry carries a Binary with a JSON Patch document");
        }
        String[] parts = typeAndId(url);
        flush();
        return store.patch(batch, parts[0], parts[1], new String(binary.getData(), StandardCharsets.UTF_8),
                ifMatch(request));
    }

    private Resource read(String url) {
        if (url.contains("?")) {
            String type = url.substring(0, url.indexOf('?'));
            SearchRequest search = ConditionalUrl.parse(type, url);
            SearchPage page = store.search(search);
            return EntryResponses.searchset(page);
        }
        String[] parts = url.split("/");
        if (parts.length == 4 && parts[2].equals("_history")) {
            return store.vread(parts[0], parts[1], VersionTag.parse(parts[3]));
        }
        String[] typeAndId = typeAndId(url);
        return store.read(typeAndId[0], typeAndId[1]);
    }

    private Optional<ResourceRow> single(String type, String conditionalUrl, String what) {
        List<ResourceRow> matches = store.matches(type, conditionalUrl);
        if (matches.size() > 1) {
            throw new PreconditionFailedException("The " + what + " matched more than one " + type);
        }
        return matches.stream().findFirst();
    }

    private static String idFromUrl(String url, String type) {
        String[] parts = typeAndId(url);
        if (!parts[0].equals(type)) {
            throw new InvalidRequestException("The entry URL names " + parts[0] + " but the resource is a " + type);
        }
        return parts[1];
    }

    private static String[] typeAndId(String url) {
        String[] parts = url.split("/");
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new InvalidRequestException("Expected an entry URL of the form Type/id");
        }
        return parts;
    }

    private static Optional<Long> ifMatch(Bundle.BundleEntryRequestComponent request) {
        return request.hasIfMatch() ? Optional.of(VersionTag.parse(request.getIfMatch())) : Optional.empty();
    }
}
