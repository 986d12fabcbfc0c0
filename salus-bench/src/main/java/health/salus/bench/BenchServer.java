package health.salus.bench;

import health.salus.SalusApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts Salus in this JVM on a fresh (or reused) bench database and a free loopback port. */
final class BenchServer implements AutoCloseable {

    static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    /** Overridable (-Dsalus.bench.schema=...) so two people benchmarking on one PostgreSQL do not wipe each other. */
    private static final String PG_SCHEMA = System.getProperty("salus.bench.schema", "salus_bench");
    private static final Path H2_DIR = Path.of("target", "bench-h2");

    private final ConfigurableApplicationContext context;

    BenchServer(BenchOptions options) {
        if (!options.reuse()) {
            wipe(options.database());
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        properties.put("salus.fhir.validation", options.validation());
        properties.put("logging.level.root", "WARN");
        properties.put("spring.datasource.url", jdbcUrl(options.database()));
        if (options.database().equals("postgres")) {
            // the production settings for PostgreSQL, with the bench's own schema
            properties.put("spring.profiles.active", "postgres");
            properties.put("spring.datasource.username", "postgres");
            properties.put("spring.flyway.schemas", PG_SCHEMA);
            properties.put("spring.flyway.create-schemas", "true");
        }
        // as command-line arguments, so they win over application.yml (default properties would not)
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        context = new SpringApplicationBuilder(SalusApplication.class).run(args);
    }

    static String jdbcUrl(String database) {
        return database.equals("postgres") ? PG_URL + "?currentSchema=" + PG_SCHEMA + "&reWriteBatchedInserts=true"
                : "jdbc:h2:file:" + H2_DIR.toAbsolutePath().resolve("salus")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    private static void wipe(String database) {
        if (database.equals("postgres")) {
            try (Connection connection = DriverManager.getConnection(PG_URL, "postgres", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("drop schema if exists " + PG_SCHEMA + " cascade");
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 is not reachable", e);
            }
        } else if (Files.exists(H2_DIR)) {
            try (Stream<Path> files = Files.walk(H2_DIR)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
