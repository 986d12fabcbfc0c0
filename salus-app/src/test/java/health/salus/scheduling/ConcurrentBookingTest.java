package health.salus.scheduling;

import static health.salus.scheduling.SchedulingClinic.booking;
import static health.salus.scheduling.SchedulingClinic.json;
import static health.salus.scheduling.SchedulingClinic.weekdayAt;
import static org.assertj.core.api.Assertions.assertThat;

import health.salus.SalusApplication;
import health.salus.fhir.ResourceStore;
import health.salus.fhir.SearchRequest;
import health.salus.security.Accounts;
import health.salus.security.Role;
import health.salus.security.SystemAccess;
import health.salus.support.Api;
import health.salus.support.SalusIntegrationTest;
import health.salus.support.TestProfiles;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fifty patients try to book the same practitioner at the same minute at once. On PostgreSQL the
 * requests are split between this application and a second instance started here on the same
 * database (two nodes, one PostgreSQL); on H2 (in-memory, one JVM) they all go to this instance.
 * Exactly one booking wins; every other caller gets 409 with alternatives; one reservation, one Appointment.
 */
@SalusIntegrationTest
class ConcurrentBookingTest {

    private static final int ATTEMPTS = 50;

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    ResourceStore store;
    @Autowired
    SystemAccess system;
    @Autowired
    JdbcClient jdbc;

    @Test
    void bookingTheSameSlotConcurrentlyFromTwoNodesYieldsExactlyOneAppointment() throws Exception {
        SchedulingClinic clinic = new SchedulingClinic(port, accounts, store, system);
        String site = clinic.site();
        String doctor = clinic.practitioner(site, "394814009");
        String frontDesk = clinic.token(Role.FRONT_DESK);
        List<String> patients = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS; i++) {
            patients.add(clinic.consentedPatient());
        }
        String start = weekdayAt(1, "10:30");

        ConfigurableApplicationContext secondNode = TestProfiles.onPostgres() ? secondNode() : null;
        try {
            int[] ports = secondNode == null ? new int[] {port}
                    : new int[] {port, secondNode.getEnvironment().getRequiredProperty("local.server.port", Integer.class)};
            List<HttpResponse<String>> responses = fire(ports, frontDesk, patients, doctor, site, start);

            assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
            List<HttpResponse<String>> refused = responses.stream().filter(r -> r.statusCode() == 409).toList();
            assertThat(refused).as("every other attempt is refused as a conflict").hasSize(ATTEMPTS - 1);
            refused.forEach(r -> assertThat(json(r).get("alternatives")).hasSize(3));
        } finally {
            if (secondNode != null) {
                secondNode.close();
            }
        }
        assertThat(jdbc.sql("select count(*) from scheduling_reservation where practitioner_id = ? and status = 'booked'")
                .param(doctor).query(Integer.class).single()).isEqualTo(1);
        assertThat(system.call("test", () -> store.search(new SearchRequest("Appointment", Map.of("practitioner",
                List.of("Practitioner/" + doctor), "_count", List.of("100")))).matches())).hasSize(1);
    }

    private static List<HttpResponse<String>> fire(int[] ports, String token, List<String> patients, String doctor,
            String site, String start) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(ATTEMPTS);
        CountDownLatch gate = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < ATTEMPTS; i++) {
                int target = ports[i % ports.length];
                String body = booking(patients.get(i), doctor, site, start);
                futures.add(pool.submit(() -> {
                    gate.await();
                    return Api.call(target, token, "POST", "/api/appointments", body);
                }));
            }
            gate.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                responses.add(future.get(5, TimeUnit.MINUTES));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A second Salus on the same database, as another node behind a load balancer would be. */
    private static ConfigurableApplicationContext secondNode() {
        return new SpringApplicationBuilder(SalusApplication.class).profiles("test", "pgtest")
                .properties("server.port=0", "salus.jobs.enabled=false", "spring.flyway.enabled=false",
                        "spring.modulith.events.republish-outstanding-events-on-restart=false")
                .run();
    }
}
