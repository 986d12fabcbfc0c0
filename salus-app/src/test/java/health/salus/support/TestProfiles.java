package health.salus.support;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Runs the suite on embedded H2 by default, or on PostgreSQL when the build sets
 * {@code -Dsalus.test.database=postgres} (the {@code postgres} Maven profile does).
 */
public class TestProfiles implements ActiveProfilesResolver {

    public static boolean onPostgres() {
        return "postgres".equals(System.getProperty("salus.test.database"));
    }

    @Override
    public String[] resolve(Class<?> testClass) {
        return onPostgres() ? new String[] {"test", "pgtest"} : new String[] {"test"};
    }
}
