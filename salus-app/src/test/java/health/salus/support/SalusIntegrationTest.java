package health.salus.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the whole application on a real HTTP port and a real database (H2, or PostgreSQL
 * in the PostgreSQL suite). All such tests share one application context, so each test makes data
 * of its own (unique names and identifiers) rather than assuming an empty store.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
@Import({CleanDatabase.class, TestClients.class})
public @interface SalusIntegrationTest {
}
