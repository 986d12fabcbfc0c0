package health.salus.demo;

import health.salus.fhir.ResourceStore;
import health.salus.fhir.SearchRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Loads the synthetic clinic into an empty store on the first demo start, through the same
 * transaction path any client uses. A later start finds the directory already there and loads nothing.
 */
@Component
@ConditionalOnProperty(name = "salus.demo.enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    /** The clinic is dated to a fixed day so that every demo start shows the same records. */
    static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 11, 1);
    /** The directory bundle creates the network organisation first under this fixed id. */
    private static final String NETWORK_ORGANIZATION_ID = "org-1";

    private final ResourceStore store;
    private final int patients;
    private final long seed;

    DemoDataLoader(ResourceStore store, @Value("${salus.demo.patients:200}") int patients,
            @Value("${salus.demo.seed:20261101}") long seed) {
        this.store = store;
        this.patients = patients;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (alreadyLoaded()) {
            log.info("Demo data already present; nothing to load");
            return;
        }
        long started = System.nanoTime();
        SyntheticClinic clinic = new SyntheticClinic(seed, REFERENCE_DATE);
        AtomicInteger resources = new AtomicInteger();
        resources.addAndGet(store.process(clinic.directoryBundle()).getEntry().size());
        clinic.patientBundles(patients).forEach(bundle -> resources.addAndGet(store.process(bundle).getEntry().size()));
        log.info("Loaded demo clinic: {} patients, {} resources in {} ms", patients, resources.get(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private boolean alreadyLoaded() {
        return !store.search(new SearchRequest("Organization", Map.of("_id", List.of(NETWORK_ORGANIZATION_ID),
                "_total", List.of("none")))).matches().isEmpty();
    }
}
