package health.salus.fhir.store;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import health.salus.fhir.BodyCodec;
import java.nio.charset.StandardCharsets;
import java.util.Date;
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
        resource.setId(row.type() + "/" + row.id() + "/_history/" + row.version());
        resource.getMeta().setVersionId(Long.toString(row.version()));
        resource.getMeta().setLastUpdated(Date.from(row.lastUpdated()));
        return resource;
    }

    /** A deleted version: the type, id and meta with no content. */
    Resource tombstone(ResourceRow row) {
        Resource resource = (Resource) fhirContext.getResourceDefinition(row.type()).newInstance();
        resource.setId(row.type() + "/" + row.id() + "/_history/" + row.version());
        resource.getMeta().setVersionId(Long.toString(row.version()));
        resource.getMeta().setLastUpdated(Date.from(row.lastUpdated()));
        return resource;
    }

    private IParser parser() {
        return fhirContext.newJsonParser();
    }
}
