package health.salus.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import health.salus.demo.SyntheticClinic;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;

/**
 * Posts the synthetic clinic as transaction bundles over HTTP from several client threads. Bundles
 * are generated and serialised between timed rounds, so only the server's work is measured.
 */
final class IngestBench {

    private static final int ROUND = 200;

    record Result(int bundles, long resources, double seconds, List<PatientSample> samples) {
        double resourcesPerSecond() {
            return resources / seconds;
        }
    }

    /** What the search benchmark needs to know about a stored patient. */
    record PatientSample(String id, String identifierSystem, String identifierValue, String family,
            String birthDate) {
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final IParser parser = FhirContext.forR4Cached().newJsonParser();
    private final String base;
    private final String token;

    IngestBench(String base, String token) {
        this.base = base;
        this.token = token;
    }

    Result run(SyntheticClinic clinic, int patients, int clients) throws Exception {
        post(parser.encodeResourceToString(clinic.directoryBundle()));
        List<PatientSample> samples = new ArrayList<>();
        long resources = 0;
        long nanos = 0;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            for (int start = 0; start < patients; start += ROUND) {
                List<Bundle> bundles = new ArrayList<>();
                List<String> bodies = new ArrayList<>();
                for (int i = start; i < Math.min(patients, start + ROUND); i++) {
                    Bundle bundle = clinic.patientBundle(i);
                    bundles.add(bundle);
                    bodies.add(parser.encodeResourceToString(bundle));
                    resources += bundle.getEntry().size();
                }
                long roundStart = System.nanoTime();
                List<Future<String>> responses = new ArrayList<>();
                for (String body : bodies) {
                    responses.add(pool.submit(() -> post(body)));
                }
                List<String> results = new ArrayList<>();
                for (Future<String> response : responses) {
                    results.add(response.get());
                }
                nanos += System.nanoTime() - roundStart;
                for (int i = 0; i < bundles.size(); i++) {
                    samples.add(sample(bundles.get(i), results.get(i)));
                }
                System.out.printf("  ingested %d/%d patients (%.0f resources/s so far)%n", Math.min(patients,
                        start + ROUND), patients, resources / (nanos / 1e9));
            }
        } finally {
            pool.shutdown();
        }
        return new Result(patients, resources, nanos / 1e9, samples);
    }

    private PatientSample sample(Bundle request, String responseJson) {
        Bundle response = parser.parseResource(Bundle.class, responseJson);
        for (int i = 0; i < request.getEntry().size(); i++) {
            if (request.getEntry().get(i).getResource() instanceof Patient patient) {
                String location = response.getEntry().get(i).getResponse().getLocation();
                String id = location.split("/")[1];
                return new PatientSample(id, patient.getIdentifierFirstRep().getSystem(),
                        patient.getIdentifierFirstRep().getValue(), patient.getNameFirstRep().getFamily(),
                        patient.getBirthDateElement().getValueAsString());
            }
        }
        throw new IllegalStateException("A patient bundle without a Patient");
    }

    private String post(String body) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base))
                .header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json")
                .header("Prefer", "return=minimal").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Transaction failed with " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
        return response.body();
    }
}
