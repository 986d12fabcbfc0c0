package health.salus.scheduling;

import health.salus.fhir.ResourceStore;
import health.salus.security.Accounts;
import health.salus.security.Role;
import health.salus.security.SystemAccess;
import health.salus.support.SalusIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Base of scheduling API tests: a fresh site with one practitioner, and a front-desk token, per test. */
@SalusIntegrationTest
abstract class SchedulingApiTest {

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

    SchedulingClinic clinic;
    String site;
    String doctor;
    String frontDesk;

    @BeforeEach
    void clinic() {
        clinic = new SchedulingClinic(port, accounts, store, system);
        site = clinic.site();
        doctor = clinic.practitioner(site, "394814009");
        frontDesk = clinic.token(Role.FRONT_DESK);
    }
}
