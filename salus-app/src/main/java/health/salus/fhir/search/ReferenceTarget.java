package health.salus.fhir.search;

import java.util.Optional;
import org.hl7.fhir.r4.model.IdType;

/** The type and id a reference string points to: "Patient/1", "Patient/1/_history/2" or an absolute URL. */
public record ReferenceTarget(String type, String id) {

    public static Optional<ReferenceTarget> parse(String reference) {
        if (reference == null || reference.isBlank() || reference.startsWith("#") || reference.startsWith("urn:")
                || reference.contains("?")) {
            return Optional.empty();
        }
        IdType id = new IdType(reference);
        if (!id.hasIdPart()) {
            return Optional.empty();
        }
        return Optional.of(new ReferenceTarget(id.hasResourceType() ? id.getResourceType() : null, id.getIdPart()));
    }

    public String asReference() {
        return type == null ? id : type + "/" + id;
    }
}
