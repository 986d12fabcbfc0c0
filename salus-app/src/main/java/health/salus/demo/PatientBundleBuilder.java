package health.salus.demo;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Resource;

/**
 * Collects one patient's resources as POST entries. Each entry gets a name-based UUID from
 * (seed, patient index, position) so regenerating the patient reproduces the same fullUrls.
 */
final class PatientBundleBuilder {

    private final Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
    private final long seed;
    private final int patientIndex;
    private int position;

    PatientBundleBuilder(long seed, int patientIndex) {
        this.seed = seed;
        this.patientIndex = patientIndex;
    }

    /** Adds the resource and returns the {@code urn:uuid:} reference other entries should use. */
    String add(Resource resource) {
        String name = "salus-demo/" + seed + "/" + patientIndex + "/" + position++;
        String uuid = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
        resource.setId(uuid);
        String fullUrl = "urn:uuid:" + uuid;
        bundle.addEntry().setFullUrl(fullUrl).setResource(resource).getRequest()
                .setMethod(HTTPVerb.POST).setUrl(resource.fhirType());
        return fullUrl;
    }

    Bundle build() {
        return bundle;
    }
}
