package health.salus.bench;

import health.salus.fhir.ResourceStore;
import health.salus.scheduling.availability.ScheduleSettings.Hours;
import health.salus.scheduling.availability.ScheduleSettings.PractitionerSettings;
import health.salus.scheduling.availability.ScheduleSettings.SiteSettings;
import health.salus.scheduling.availability.ScheduleSetup;
import health.salus.security.SystemAccess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 7 bench: slot search over a four-week window for fifty practitioners at one site (HTTP,
 * {@code GET /api/appointments/slots}), then booking throughput when every slot is wanted by several
 * clients at once, and the number of double bookings found afterwards (must be 0).
 *
 * <pre>java -cp salus-bench/target/salus-bench-*-exec.jar -Dloader.main=health.salus.bench.SchedulingBench \
 *   org.springframework.boot.loader.launch.PropertiesLauncher --db=postgres --samples=300 --clients=8</pre>
 */
public final class SchedulingBench {

    private static final int PRACTITIONERS = 50;
    private static final int CONTESTED_SLOTS = 200;
    private static final int ATTEMPTS_PER_SLOT = 4;
    private static final ZoneId ZONE = ZoneId.of("America/New_York");

    private SchedulingBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        try (BenchServer server = new BenchServer(options)) {
            SystemAccess system = server.bean(SystemAccess.class);
            ResourceStore store = server.bean(ResourceStore.class);
            ScheduleSetup setup = server.bean(ScheduleSetup.class);
            String site = create(system, store, new Location().setName("Bench site"));
            List<String> practitioners = new ArrayList<>();
            system.run("bench", () -> {
                setup.configureSite(site, new SiteSettings(ZONE.getId(), List.of()));
                for (int i = 0; i < PRACTITIONERS; i++) {
                    String id = store.create(new Practitioner().addName(new HumanName().setFamily("Bench" + i)),
                            Optional.empty()).resource().getIdElement().getIdPart();
                    practitioners.add(id);
                    List<Hours> hours = new ArrayList<>();
                    List<Hours> breaks = new ArrayList<>();
                    for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
                        hours.add(new Hours(site, day.name(), "08:00", "17:00"));
                        breaks.add(new Hours(site, day.name(), "12:00", "13:00"));
                    }
                    setup.configurePractitioner(id, new PractitionerSettings("419772000", 20, 10, hours, breaks,
                            List.of()));
                }
            });
            List<String> patients = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                patients.add(consentedPatient(system, store, i));
            }
            String token = BenchCaller.systemToken(server);
            String base = "http://127.0.0.1:" + server.port();
            HttpClient http = HttpClient.newHttpClient();
            LocalDate monday = LocalDate.now(ZONE).plusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            String from = monday.atStartOfDay(ZONE).toInstant().toString();
            String to = monday.plusWeeks(4).atStartOfDay(ZONE).toInstant().toString();

            // contention first, so the search afterwards sees a partly booked month
            List<String[]> attempts = new ArrayList<>();
            Random random = new Random(7);
            for (int s = 0; s < CONTESTED_SLOTS; s++) {
                String practitioner = practitioners.get(random.nextInt(PRACTITIONERS));
                ZonedDateTime start = ZonedDateTime.of(monday.plusDays(random.nextInt(5) + 7L * random.nextInt(4)),
                        LocalTime.of(8, 0).plusMinutes(30L * random.nextInt(8)), ZONE);
                for (int a = 0; a < ATTEMPTS_PER_SLOT; a++) {
                    attempts.add(new String[] {practitioner, start.toOffsetDateTime().toString(),
                            patients.get(random.nextInt(patients.size()))});
                }
            }
            Collections.shuffle(attempts, random);
            AtomicInteger created = new AtomicInteger();
            AtomicInteger conflicts = new AtomicInteger();
            AtomicInteger other = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(options.clients());
            long began = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (String[] attempt : attempts) {
                futures.add(pool.submit(() -> {
                    String body = "{\"patient\":\"" + attempt[2] + "\",\"practitioner\":\"" + attempt[0]
                            + "\",\"location\":\"" + site + "\",\"start\":\"" + attempt[1] + "\"}";
                    int status = send(http, HttpRequest.newBuilder(URI.create(base + "/api/appointments"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))).statusCode();
                    (status == 201 ? created : status == 409 ? conflicts : other).incrementAndGet();
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            pool.shutdown();
            JdbcTemplate jdbc = server.bean(JdbcTemplate.class);
            Integer doubles = jdbc.queryForObject("select count(*) from scheduling_reservation a join "
                    + "scheduling_reservation b on a.practitioner_id = b.practitioner_id and a.reservation_id < "
                    + "b.reservation_id and a.starts_at < b.blocked_until and b.starts_at < a.blocked_until where "
                    + "a.status = 'booked' and b.status = 'booked'", Integer.class);
            System.out.printf("| booking under contention | %s | %d attempts at %d slots, %d clients | %d booked, "
                    + "%d × 409, %d other | %.1f s, **%.0f requests/s** | double bookings: **%d** |%n",
                    options.database(), attempts.size(), CONTESTED_SLOTS, options.clients(), created.get(),
                    conflicts.get(), other.get(), seconds, attempts.size() / seconds, doubles);

            String search = base + "/api/appointments/slots?location=" + site + "&from=" + from + "&to=" + to
                    + "&limit=1000";
            int slotsFound = 0;
            for (int i = 0; i < 100; i++) {
                slotsFound = count(send(http, get(search, token)).body());
            }
            Latencies latencies = new Latencies(options.samples());
            for (int i = 0; i < options.samples(); i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = send(http, get(search, token));
                latencies.record(System.nanoTime() - start);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("slot search answered " + response.statusCode());
                }
            }
            System.out.printf("| slot search, 4 weeks × %d practitioners (HTTP) | %s | %d samples | %d slots "
                    + "(limit 1000) | p50 %.1f ms | **p95 %.1f ms** | p99 %.1f ms |%n", PRACTITIONERS,
                    options.database(), latencies.count(), slotsFound, latencies.percentileMs(50),
                    latencies.percentileMs(95), latencies.percentileMs(99));
        }
        System.exit(0);
    }

    private static String consentedPatient(SystemAccess system, ResourceStore store, int i) {
        String id = create(system, store, new Patient().addName(new HumanName().setFamily("Benchpatient" + i)));
        Consent consent = new Consent().setStatus(Consent.ConsentState.ACTIVE).setPatient(new Reference("Patient/" + id));
        consent.getScope().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/consentscope")
                .setCode("patient-privacy");
        consent.addCategory().addCoding().setSystem("http://loinc.org").setCode("59284-0");
        consent.getPolicyRule().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode").setCode("OPTIN");
        create(system, store, consent);
        return id;
    }

    private static String create(SystemAccess system, ResourceStore store, Resource resource) {
        return system.call("bench", () -> store.create(resource, Optional.empty()).resource().getIdElement().getIdPart());
    }

    private static HttpRequest.Builder get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET();
    }

    private static int count(String json) {
        return json.split("\"practitioner\"", -1).length - 1;
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
