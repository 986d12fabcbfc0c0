package health.salus.demo;

import health.salus.fhir.ResourceStore;
import health.salus.fhir.SearchRequest;
import health.salus.security.Accounts;
import health.salus.security.OAuthClients;
import health.salus.security.SystemAccess;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hl7.fhir.r4.model.Basic;
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
    private static final String COMPLETE_MARKER_ID = "salus-demo-complete";

    private final ResourceStore store;
    private final SystemAccess system;
    private final DemoAccounts demoAccounts;
    private final int patients;
    private final long seed;

    DemoDataLoader(ResourceStore store, SystemAccess system, Accounts accounts, OAuthClients clients,
            @Value("${salus.demo.patients:200}") int patients, @Value("${salus.demo.seed:20261101}") long seed) {
        this.store = store;
        this.system = system;
        this.demoAccounts = new DemoAccounts(store, accounts, clients);
        this.patients = patients;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        // the demo is loaded by Salus itself, not by any user; the access policy knows it as the system
        system.run("demo-loader", () -> {
            loadClinic();
            if (exists("Basic", COMPLETE_MARKER_ID)) {
                demoAccounts.ensure();
            }
        });
    }

    private void loadClinic() {
        if (exists("Basic", COMPLETE_MARKER_ID)) {
            log.info("Demo data already present; nothing to load");
            return;
        }
        if (exists("Organization", NETWORK_ORGANIZATION_ID)) {
            // patient bundles are plain POSTs, so loading again would duplicate the patients already in
            log.warn("The demo clinic was only partly loaded by an earlier start; delete ./data to load it afresh");
            return;
        }
        long started = System.nanoTime();
        SyntheticClinic clinic = new SyntheticClinic(seed, REFERENCE_DATE);
        AtomicInteger resources = new AtomicInteger(store.process(clinic.directoryBundle()).getEntry().size());
        AtomicInteger loaded = new AtomicInteger();
        log.info("Loading the demo clinic: {} synthetic patients (first start only)...", patients);
        // patients are independent of each other, so their bundles load side by side
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<?>> pending = IntStream.range(0, patients).mapToObj(index -> workers.submit(() -> system.run(
                    "demo-loader", () -> {
                resources.addAndGet(store.process(clinic.patientBundle(index)).getEntry().size());
                int done = loaded.incrementAndGet();
                if (done % 25 == 0 || done == patients) {
                    log.info("  {} of {} patients loaded", done, patients);
                }
            }))).collect(Collectors.toList());
            for (Future<?> task : pending) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Demo loading was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Demo loading failed", e.getCause());
        } finally {
            workers.shutdownNow();
        }
        store.update(completeMarker(), Optional.empty());
        log.info("Loaded demo clinic: {} patients, {} resources in {} s", patients, resources.get(),
                (System.nanoTime() - started) / 1_000_000_000);
    }

    private boolean exists(String resourceType, String id) {
        return !store.search(new SearchRequest(resourceType, Map.of("_id", List.of(id), "_total", List.of("none"))))
                .matches().isEmpty();
    }

    /** Written last, so that its presence means every patient made it in. */
    private static Basic completeMarker() {
        Basic marker = new Basic();
        marker.setId(COMPLETE_MARKER_ID);
        marker.getCode().addCoding().setSystem("urn:salus:demo").setCode("demo-clinic-loaded")
                .setDisplay("Synthetic demo clinic fully loaded");
        return marker;
    }
}
