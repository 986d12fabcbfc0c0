package health.salus.bench;

import health.salus.demo.SyntheticClinic;
import health.salus.fhir.ResourceStore;
import health.salus.security.Accounts;
import health.salus.security.Role;
import health.salus.security.SystemAccess;
import health.salus.support.Browser;
import health.salus.support.SignIn;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 8 bench: server time of the clinician's patient chart page (banner, summary, trends and the
 * whole care timeline) for the synthetic patient with the most history among a clinic whose records span
 * five years, fetched by their signed-in primary care physician over HTTP, one request at a time.
 *
 * <pre>java -cp salus-bench/target/salus-bench-*-exec.jar -Dloader.main=health.salus.bench.ChartBench \
 *   org.springframework.boot.loader.launch.PropertiesLauncher --db=postgres --patients=300 --samples=300</pre>
 */
public final class ChartBench {

    private ChartBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        try (BenchServer server = new BenchServer(options)) {
            String token = BenchCaller.systemToken(server);
            SyntheticClinic clinic = new SyntheticClinic(20261101L, LocalDate.now());
            IngestBench.Result ingest = new IngestBench("http://127.0.0.1:" + server.port() + "/fhir", token)
                    .run(clinic, options.patients(), options.clients());
            int richest = 0;
            Bundle history = clinic.patientBundle(0);
            for (int i = 1; i < options.patients(); i++) {
                Bundle bundle = clinic.patientBundle(i);
                if (bundle.getEntry().size() > history.getEntry().size()) {
                    richest = i;
                    history = bundle;
                }
            }
            String patientId = ingest.samples().get(richest).id();
            Map<String, Long> byType = history.getEntry().stream().collect(Collectors.groupingBy(
                    e -> e.getResource().fhirType(), TreeMap::new, Collectors.counting()));
            server.bean(JdbcTemplate.class).execute("analyze");

            Patient patient = (Patient) server.bean(SystemAccess.class).call("bench",
                    () -> server.bean(ResourceStore.class).read("Patient", patientId));
            String gp = patient.getGeneralPractitionerFirstRep().getReference();
            Accounts accounts = server.bean(Accounts.class);
            String username = "bench-chart-physician";
            if (accounts.idOf(username).isEmpty()) {
                accounts.create(username, "Bench physician", SignIn.PASSWORD, Set.of(Role.PHYSICIAN), Optional.of(gp),
                        Optional.of(SignIn.TOTP_SECRET));
            }
            Browser session = SignIn.browser(server.port(), username);
            String chart = "/clinician/patients/" + patientId;
            int bytes = 0;
            for (int i = 0; i < 50; i++) {
                bytes = expectOk(session.get(chart)).body().length();
            }
            Latencies latencies = new Latencies(options.samples());
            for (int i = 0; i < options.samples(); i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = session.get(chart);
                latencies.record(System.nanoTime() - start);
                expectOk(response);
            }
            System.out.printf("Chart of a patient with %d resources over 5 years: %s%n", history.getEntry().size(),
                    byType);
            System.out.printf("| patient chart page (HTTP, signed-in physician) | %s | %d patients in store | "
                    + "%d samples | %d KB page | p50 %.1f ms | **p95 %.1f ms** | p99 %.1f ms |%n", options.database(),
                    options.patients(), latencies.count(), bytes / 1024, latencies.percentileMs(50),
                    latencies.percentileMs(95), latencies.percentileMs(99));
        }
        System.exit(0);
    }

    private static HttpResponse<String> expectOk(HttpResponse<String> response) {
        if (response.statusCode() != 200 || response.body().contains("break-glass")
                && response.body().contains("outside your care")) {
            throw new IllegalStateException("The chart answered " + response.statusCode() + " rather than the chart");
        }
        return response;
    }
}
