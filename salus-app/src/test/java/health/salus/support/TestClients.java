package health.salus.support;

import health.salus.security.OAuthClients;
import health.salus.security.Role;
import java.util.List;
import java.util.Set;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The system client the FHIR API tests call as (all resources, {@code system/*.cruds}), registered
 * in every test application through the same service a site uses for its integrations.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClients {

    public static final String SYSTEM_CLIENT = "salus-test-system";
    public static final String SYSTEM_SECRET = "salus-test-system-secret";

    @Bean
    AccessEvents accessEvents() {
        return new AccessEvents();
    }

    @Bean
    CryptoEvents cryptoEvents() {
        return new CryptoEvents();
    }

    @Bean
    ApplicationRunner registerTestSystemClient(OAuthClients clients) {
        return args -> {
            if (!clients.exists(SYSTEM_CLIENT)) {
                clients.registerSystemClient(SYSTEM_CLIENT, SYSTEM_SECRET, Set.of("system/*.cruds", "system/*.rs"),
                        Set.of(Role.INTEGRATION));
                clients.registerSmartApp(SignIn.SMART_APP, SignIn.SMART_APP_SECRET, List.of(SignIn.REDIRECT_URI),
                        Set.of("openid", "fhirUser", "launch/patient", "offline_access", "patient/*.rs",
                                "patient/*.cruds", "user/*.rs", "user/*.cruds", "user/Patient.rs",
                                "patient/Observation.rs"), true);
            }
        };
    }
}
