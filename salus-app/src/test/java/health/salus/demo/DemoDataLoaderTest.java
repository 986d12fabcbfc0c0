package health.salus.demo;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.fhir.ResourceStore;
import health.salus.fhir.SearchRequest;
import health.salus.security.Accounts;
import health.salus.security.OAuthClients;
import health.salus.security.SystemAccess;
import health.salus.support.SalusIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo clinic loads once through the store; a second start loads nothing more, and neither does
 * a start after a half-finished load (which would duplicate patients).
 */
@SalusIntegrationTest
class DemoDataLoaderTest {

    @Autowired
    ResourceStore store;
    @Autowired
    SystemAccess system;
    @Autowired
    Accounts accounts;
    @Autowired
    OAuthClients clients;

    @Test
    void loadsTheClinicOnceAndSkipsWhenAlreadyPresent() {
        system.run("test", this::loadTwiceAndAfterAHalfFinishedLoad);
    }

    private void loadTwiceAndAfterAHalfFinishedLoad() {
        DemoDataLoader loader = new DemoDataLoader(store, system, accounts, clients, 3, 99L);
        loader.run(null);
        int patients = countPatients();
        assertThat(patients).isGreaterThanOrEqualTo(3);
        assertThat(store.read("Basic", "salus-demo-complete").fhirType()).as("written last").isEqualTo("Basic");
        assertThat(store.search(new SearchRequest("Practitioner", Map.of("_count", List.of("50")))).matches())
                .hasSizeGreaterThanOrEqualTo(12);

        loader.run(null);
        assertThat(countPatients()).isEqualTo(patients);

        // a start that died half-way (directory in, completion marker missing) is not loaded over
        store.delete("Basic", "salus-demo-complete");
        loader.run(null);
        assertThat(countPatients()).isEqualTo(patients);
    }

    private int countPatients() {
        return store.search(new SearchRequest("Patient", Map.of("_count", List.of("0")))).total().orElseThrow();
    }
}
