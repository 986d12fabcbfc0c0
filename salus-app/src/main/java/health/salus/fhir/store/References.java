package health.salus.fhir.store;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import java.util.List;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** Every Reference element inside a resource, contained resources included. */
final class References {

    private static final FhirTerser TERSER = FhirContext.forR4Cached().newTerser();

    private References() {
    }

    static List<Reference> all(Resource resource) {
        return TERSER.getAllPopulatedChildElementsOfType(resource, Reference.class);
    }
}
