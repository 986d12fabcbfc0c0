package health.salus.fhir.store;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import health.salus.fhir.BodyCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/** Turns resources into sealed stored bodies and back, through the configured {@link BodyCodec}. */
@Component
class ResourceCodec {

    private final FhirContext fhirContext;
    private final BodyCodec bodyCodec;

    ResourceCodec(FhirContext fhirContext, BodyCodec bodyCodec) {
        this.fhirContext = fhirContext;
        this.bodyCodec = bodyCodec;
    }

    byte[] json(Resource resource) {
        return parser().encodeResourceToString(resource).getBytes(StandardCharsets.UTF_8);
    }

    BodyCodec.Sealed seal(String compartment, byte[] json) {
        return bodyCodec.seal(compartment, json);
    }

    byte[] open(ResourceRow row) {
        return bodyCodec.open(row.compartment(), row.keyId(), row.body());
    }

    Resource decode(ResourceRow row) {
        if (row.body() == null) {
            return tombstone(row);
        }
        byte[] json = open(row);
        Resource resource = (Resource) parser().parseResource(new String(json, StandardCharsets.UTF_8));
        stamp(resource, row.id(), row.version(), row.lastUpdated());
        return resource;
    }

    /** A copy without the given top-level elements (an access policy's masking obligation). */
    Resource withoutElements(Resource resource, java.util.Set<String> elements) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode)
                    MAPPER.readTree(json(resource));
            elements.forEach(element -> {
                json.remove(element);
                json.remove("_" + element);
            });
            Resource masked = (Resource) parser().parseResource(MAPPER.writeValueAsString(json));
            masked.setIdElement(resource.getIdElement());
            return masked;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("A stored resource could not be re-encoded", e);
        }
    }

    /**
     * {@code incoming} with the given top-level elements taken from {@code stored} (or absent when the stored
     * version has none) and without the REDACTED label masking put on: what a writer under a masking
     * obligation sends back cannot change, add or drop what it was never shown.
     */
    Resource withElementsOf(Resource incoming, Resource stored, java.util.Set<String> elements, String redactedSystem) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode)
                    MAPPER.readTree(json(incoming));
            com.fasterxml.jackson.databind.node.ObjectNode kept = (com.fasterxml.jackson.databind.node.ObjectNode)
                    MAPPER.readTree(json(stored));
            for (String element : elements) {
                for (String name : java.util.List.of(element, "_" + element)) {
                    if (kept.has(name)) {
                        json.set(name, kept.get(name));
                    } else {
                        json.remove(name);
                    }
                }
            }
            if (json.get("meta") instanceof com.fasterxml.jackson.databind.node.ObjectNode meta
                    && meta.get("security") instanceof com.fasterxml.jackson.databind.node.ArrayNode security) {
                for (int i = security.size() - 1; i >= 0; i--) {
                    if (redactedSystem.equals(security.get(i).path("system").asText())
                            && "REDACTED".equals(security.get(i).path("code").asText())) {
                        security.remove(i);
                    }
                }
                if (security.isEmpty()) {
                    meta.remove("security");
                }
            }
            Resource merged = (Resource) parser().parseResource(MAPPER.writeValueAsString(json));
            merged.setIdElement(incoming.getIdElement());
            return merged;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("A resource could not be re-encoded", e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** A deleted version: the type, id and meta with no content. */
    Resource tombstone(ResourceRow row) {
        Resource resource = (Resource) fhirContext.getResourceDefinition(row.type()).newInstance();
        stamp(resource, row.id(), row.version(), row.lastUpdated());
        return resource;
    }

    /** Gives a resource the id, version and last-updated time of the version it is (or becomes). */
    static void stamp(Resource resource, String id, long version, Instant lastUpdated) {
        resource.setIdElement(new IdType(resource.fhirType(), id, Long.toString(version)));
        resource.getMeta().setVersionId(Long.toString(version));
        resource.getMeta().setLastUpdated(Date.from(lastUpdated));
    }

    private IParser parser() {
        return fhirContext.newJsonParser();
    }
}
