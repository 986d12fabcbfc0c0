package health.salus.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.support.FhirHttp;
import health.salus.support.SalusIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@SalusIntegrationTest
class SmokeTest {

    @LocalServerPort
    int port;

    @Test
    void capabilityStatementIsServed() {
        var response = new FhirHttp(port).get("/metadata");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"resourceType\":\"CapabilityStatement\"");
    }
}
