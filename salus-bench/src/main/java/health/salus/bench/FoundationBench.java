package health.salus.bench;

import health.salus.demo.SyntheticClinic;
import health.salus.fhir.IndexValueTransform;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The foundation benchmark: transaction-bundle ingest rate, then search latency percentiles
 * against a raw SQL lookup of the same rows. Prints a Markdown table for docs/benchmarks.md.
 * <pre>java -jar salus-bench/target/salus-bench-*-exec.jar --db=postgres --patients=10000</pre>
 */
public final class FoundationBench {

    private FoundationBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        System.out.printf("Salus foundation bench: db=%s patients=%d clients=%d validation=%s as=%s, %d cores, Java %s%n",
                options.database(), options.patients(), options.clients(), options.validation(), options.caller(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        try (BenchServer server = new BenchServer(options)) {
            String base = "http://127.0.0.1:" + server.port() + "/fhir";
            JdbcTemplate jdbc = server.bean(JdbcTemplate.class);
            String systemToken = BenchCaller.systemToken(server);
            List<IngestBench.PatientSample> patients;
            if (options.reuse()) {
                patients = StoredSamples.read(base, systemToken, 20_000);
            } else {
                IngestBench.Result ingest = new IngestBench(base, systemToken).run(new SyntheticClinic(20261101L,
                        LocalDate.of(2026, 11, 1)), options.patients(), options.clients());
                System.out.printf("%n| ingest | %s | %d patients | %d resources in %.1f s | **%.0f resources/s** |%n",
                        options.database(), ingest.bundles(), ingest.resources(), ingest.seconds(),
                        ingest.resourcesPerSecond());
                patients = ingest.samples();
            }
            // fresh statistics, as autovacuum would gather after a bulk load
            jdbc.execute("analyze");
            Long stored = jdbc.queryForObject("select count(*) from fhir_resource", Long.class);
            System.out.printf("Resources in store: %d%n%n", stored);
            for (String caller : options.caller().split(",")) {
                java.util.function.Supplier<String> token = () -> fresh(() -> BenchCaller.systemToken(server));
                List<IngestBench.PatientSample> sample = patients;
                if (caller.equals("physician")) {
                    String physician = patients.get(0).id();
                    token = () -> fresh(() -> BenchCaller.physicianToken(server, physician));
                    sample = BenchCaller.visible(patients.subList(0, Math.min(patients.size(), 3000)), base, token.get());
                    System.out.printf("Searching as a physician who may see %d of the sampled patients%n",
                            sample.size());
                }
                printSearch(new SearchBench(base, jdbc, server.bean(IndexValueTransform.class), token).run(sample, options.samples(),
                        options.searchClients()), caller, options.database(), stored, options.searchClients());
            }
        }
    }

    private static String fresh(java.util.concurrent.Callable<String> mint) {
        try {
            return mint.call();
        } catch (Exception e) {
            throw new IllegalStateException("Could not get a bench token", e);
        }
    }

    private static void printSearch(List<SearchBench.Result> results, String caller, String database, Long stored,
            int clients) {
        System.out.println("| search as " + caller + " (" + database + ", " + stored + " resources, " + clients
                + " client" + (clients == 1 ? "" : "s") + ") | p50 ms | p95 ms | p99 ms | raw SQL p50 ms "
                + "| raw SQL p95 ms | p95 ratio API/SQL | searches/s |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (SearchBench.Result result : results) {
            System.out.printf("| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f× | %.0f |%n", result.name(),
                    result.http().percentileMs(50), result.http().percentileMs(95),
                    result.http().percentileMs(99), result.sql().percentileMs(50), result.sql().percentileMs(95),
                    result.http().percentileMs(95) / result.sql().percentileMs(95), result.perSecond());
        }
        System.out.println();
    }
}
