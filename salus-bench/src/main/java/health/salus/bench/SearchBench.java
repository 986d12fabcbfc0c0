package health.salus.bench;

import health.salus.bench.IngestBench.PatientSample;
import health.salus.fhir.IndexValueTransform;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Search latency over HTTP for the five searches the foundation issue names, each beside a raw SQL
 * lookup of the same rows (index to resource bodies, no FHIR parsing) to show what the API layer costs.
 */
final class SearchBench {

    record Case(String name, Function<PatientSample, String> query, Function<PatientSample, Object[]> sqlArgs,
            String sql) {
    }

    /** {@code perSecond}: searches answered per second while measuring (all clients together). */
    record Result(String name, Latencies http, Latencies sql, double perSecond) {
    }

    private static final String LOINC_WEIGHT = "29463-7";

    /** The raw SQL looks up what the index stores: the keyed forms of identifiers and names. */
    List<Case> cases() {
        return List.of(
                new Case("Patient by identifier",
                        p -> "Patient?identifier=" + enc(p.identifierSystem() + "|" + p.identifierValue()),
                        p -> new Object[] {p.identifierSystem(),
                            indexValues.tokenCode("Patient", "identifier", p.identifierValue())},
                        "select r.body from fhir_resource r where r.id in (select t.resource_id from fhir_idx_token t "
                                + "where t.res_type = 'Patient' and t.param = 'identifier' and t.system = ? "
                                + "and t.code = ?)"),
                new Case("Patient by family name",
                        p -> "Patient?family=" + enc(p.family()),
                        p -> new Object[] {indexValues.stringLookup("Patient", "family",
                                IndexValueTransform.StringMatch.PREFIX, p.family()).get(0)},
                        "select r.body from fhir_resource r where r.id in (select s.resource_id from fhir_idx_string s "
                                + "where s.res_type = 'Patient' and s.param = 'family' and s.value_norm = ?) "
                                + "order by r.id limit 20"),
                new Case("Patient by birthdate range",
                        p -> "Patient?birthdate=ge" + p.birthDate().substring(0, 7) + "-01&birthdate=le"
                                + p.birthDate().substring(0, 7) + "-28",
                        p -> new Object[] {epochDay(p.birthDate().substring(0, 7) + "-01"),
                            epochDay(p.birthDate().substring(0, 7) + "-28") + 86_399_999L},
                        "select r.body from fhir_resource r where r.id in (select d.resource_id from fhir_idx_date d "
                                + "where d.res_type = 'Patient' and d.param = 'birthdate' and d.high_ms >= ? "
                                + "and d.low_ms <= ?) order by r.id limit 20"),
                new Case("Observation by patient+code+date",
                        p -> "Observation?patient=" + p.id() + "&code=" + enc("http://loinc.org|" + LOINC_WEIGHT)
                                + "&date=ge2024-01-01",
                        p -> new Object[] {p.id(), LOINC_WEIGHT, epochDay("2024-01-01")},
                        "select r.body from fhir_resource r where r.id in (select x.resource_id from fhir_idx_reference x "
                                + "where x.res_type = 'Observation' and x.param = 'patient' and x.target_type = 'Patient' "
                                + "and x.target_id = ?) and r.id in (select t.resource_id from fhir_idx_token t where "
                                + "t.res_type = 'Observation' and t.param = 'code' and t.code = ? and "
                                + "t.system = 'http://loinc.org') and r.id in (select d.resource_id from fhir_idx_date d "
                                + "where d.res_type = 'Observation' and d.param = 'date' and d.high_ms >= ?) "
                                + "order by r.id limit 20"),
                new Case("Encounter by patient with _include",
                        p -> "Encounter?patient=" + p.id() + "&_include=Encounter:subject",
                        p -> new Object[] {p.id(), p.id()},
                        "(select r.body from fhir_resource r where r.id in (select x.resource_id from "
                                + "fhir_idx_reference x where x.res_type = 'Encounter' and x.param = 'patient' and "
                                + "x.target_type = 'Patient' and x.target_id = ?) order by r.id limit 20) union all "
                                + "(select p.body from fhir_resource p where p.res_type = 'Patient' and p.fhir_id = ?)"));
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final JdbcTemplate jdbc;
    private final IndexValueTransform indexValues;
    private final java.util.function.Supplier<String> tokens;
    private volatile String token;

    SearchBench(String base, JdbcTemplate jdbc, IndexValueTransform indexValues, java.util.function.Supplier<String> tokens) {
        this.base = base;
        this.jdbc = jdbc;
        this.indexValues = indexValues;
        this.tokens = tokens;
    }

    /**
     * {@code clients} = 1: one client, one search at a time, each beside its raw SQL lookup. More:
     * that many clients search at once (the clinic's real load, where requests share audit commits),
     * {@code samples} searches in all; the raw SQL lookups then run afterwards, one at a time.
     */
    List<Result> run(List<PatientSample> patients, int samples, int clients) throws Exception {
        List<Result> results = new ArrayList<>();
        for (Case search : cases()) {
            // a fresh token for every search, so a slow (loaded) machine does not outlive one
            token = tokens.get();
            // warm up code paths and caches on other patients than the measured ones
            Random warm = new Random(7);
            // -Dsalus.bench.warmup=N: more warm-up for steadier comparisons between builds
            for (int i = 0; i < Integer.getInteger("salus.bench.warmup", Math.min(200, samples)); i++) {
                PatientSample p = patients.get(warm.nextInt(patients.size()));
                get(search.query().apply(p));
                jdbc.queryForList(search.sql(), search.sqlArgs().apply(p));
            }
            Latencies http = new Latencies(samples);
            Latencies sql = new Latencies(samples);
            long began = System.nanoTime();
            if (clients <= 1) {
                Random random = new Random(42);
                for (int i = 0; i < samples; i++) {
                    PatientSample p = patients.get(random.nextInt(patients.size()));
                    long start = System.nanoTime();
                    get(search.query().apply(p));
                    http.record(System.nanoTime() - start);
                    start = System.nanoTime();
                    jdbc.queryForList(search.sql(), search.sqlArgs().apply(p));
                    sql.record(System.nanoTime() - start);
                }
            } else {
                concurrently(search, patients, samples, clients, http);
            }
            double perSecond = samples / ((System.nanoTime() - began) / 1e9);
            if (clients > 1) {
                Random random = new Random(42);
                for (int i = 0; i < samples; i++) {
                    PatientSample p = patients.get(random.nextInt(patients.size()));
                    long start = System.nanoTime();
                    jdbc.queryForList(search.sql(), search.sqlArgs().apply(p));
                    sql.record(System.nanoTime() - start);
                }
            }
            results.add(new Result(search.name(), http, sql, perSecond));
        }
        return results;
    }

    private void concurrently(Case search, List<PatientSample> patients, int samples, int clients, Latencies http)
            throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        try {
            List<java.util.concurrent.Future<Void>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                int share = samples / clients + (client < samples % clients ? 1 : 0);
                done.add(pool.submit(() -> {
                    Random random = new Random(42 + client);
                    for (int i = 0; i < share; i++) {
                        PatientSample p = patients.get(random.nextInt(patients.size()));
                        long start = System.nanoTime();
                        get(search.query().apply(p));
                        http.record(System.nanoTime() - start);
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<Void> each : done) {
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void get(String query) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/" + query))
                .header("Accept", "application/fhir+json").header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Search failed with " + response.statusCode() + ": " + query);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static long epochDay(String date) {
        return java.time.LocalDate.parse(date).toEpochDay() * 86_400_000L;
    }
}
