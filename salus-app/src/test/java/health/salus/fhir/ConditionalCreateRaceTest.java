package health.salus.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.support.FhirApiTest;
import health.salus.support.FhirHttp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/** Concurrent conditional creates of the same patient store exactly one patient. */
class ConditionalCreateRaceTest extends FhirApiTest {

    private static final int CLIENTS = 8;

    @Test
    void concurrentCreatesWithTheSameIfNoneExistStoreOnePatient() throws Exception {
        String mrn = unique();
        Patient patient = new Patient();
        patient.addIdentifier().setSystem("urn:salus:test:mrn").setValue(mrn);
        patient.addName().setFamily(unique());
        String body = json(patient);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return http.post("/Patient", body,
                            Map.of("If-None-Exist", "identifier=" + FhirHttp.q("urn:salus:test:mrn|" + mrn)));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> response : responses) {
                statuses.add(response.get().statusCode());
            }
            assertThat(statuses).containsOnly(200, 201);
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(search("Patient?identifier=" + FhirHttp.q("urn:salus:test:mrn|" + mrn)).getTotal()).isEqualTo(1);
    }
}
