package health.salus.fhir;

import org.hl7.fhir.r4.model.Resource;

/** What a write did: the stored resource (with id and version) and whether it was newly created. */
public record WriteOutcome(Resource resource, boolean created, boolean changed) {

    public static WriteOutcome created(Resource resource) {
        return new WriteOutcome(resource, true, true);
    }

    public static WriteOutcome updated(Resource resource) {
        return new WriteOutcome(resource, false, true);
    }

    /** A conditional create that matched, or an update that changed nothing. */
    public static WriteOutcome unchanged(Resource resource) {
        return new WriteOutcome(resource, false, false);
    }
}
