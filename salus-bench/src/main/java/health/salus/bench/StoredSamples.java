package health.salus.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import health.salus.bench.IngestBench.PatientSample;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;

/**
 * Patients to search for, read back from a store loaded by an earlier run ({@code --reuse=true}),
 * through the FHIR API: the index tables hold names and identifiers only as keyed hashes, and
 * bodies may be encrypted, so the tables cannot tell what to search for.
 */
final class StoredSamples {

    private static final int PAGE = 500;

    private StoredSamples() {
    }

    static List<PatientSample> read(String base, String token, int limit) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        IParser parser = FhirContext.forR4Cached().newJsonParser();
        List<PatientSample> samples = new ArrayList<>();
        String next = base + "/Patient?_sort=_id&_total=none&_count=" + PAGE;
        while (next != null && samples.size() < limit) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(next))
                    .header("Accept", "application/fhir+json").header("Authorization", "Bearer " + token).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Reading stored patients failed with " + response.statusCode());
            }
            Bundle page = parser.parseResource(Bundle.class, response.body());
            for (Bundle.BundleEntryComponent entry : page.getEntry()) {
                Patient patient = (Patient) entry.getResource();
                if (samples.size() < limit && patient.hasIdentifier() && patient.hasBirthDate()) {
                    samples.add(new PatientSample(patient.getIdElement().getIdPart(),
                            patient.getIdentifierFirstRep().getSystem(), patient.getIdentifierFirstRep().getValue(),
                            patient.getNameFirstRep().getFamily(), patient.getBirthDateElement().getValueAsString()));
                }
            }
            next = page.getLink("next") == null ? null : page.getLink("next").getUrl();
        }
        return samples;
    }
}
