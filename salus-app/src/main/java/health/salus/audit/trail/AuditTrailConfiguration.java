package health.salus.audit.trail;

import com.zaxxer.hikari.HikariDataSource;
import health.salus.audit.AuditObserver;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The trail's writer and signer. The writer has a small connection pool of its own: callers wait
 * for it while holding connections of the main pool (a write transaction audits before it
 * commits), so sharing one pool could leave the writer waiting for a connection that only its own
 * callers can give back.
 */
@Configuration
class AuditTrailConfiguration {

    /** For development and the demo only; a production profile refuses to start with it. */
    static final String DEMO_KEY = "c2FsdXMtZGVtby1hdWRpdC1jaGVja3BvaW50LWtleS1ub3QtZm9yLXByb2R1Y3Rpb24=";

    @Bean
    CheckpointSigner checkpointSigner(@Value("${salus.audit.checkpoint-key:" + DEMO_KEY + "}") String key,
            Environment environment) {
        return new CheckpointSigner(checkpointKey(key, environment));
    }

    static byte[] checkpointKey(String key, Environment environment) {
        if (DEMO_KEY.equals(key.strip()) && environment.matchesProfiles("prod | production")) {
            throw new IllegalStateException("salus.audit.checkpoint-key still holds the demo key; set a secret "
                    + "key of at least 32 random bytes (base64) before running in production");
        }
        try {
            return Base64.getDecoder().decode(key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("salus.audit.checkpoint-key must be base64", e);
        }
    }

    @Bean(destroyMethod = "close")
    AuditStorage auditStorage(DataSourceProperties properties,
            @Value("${salus.audit.writer.pool-size:2}") int poolSize) {
        HikariDataSource pool = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        pool.setPoolName("salus-audit");
        pool.setMaximumPoolSize(poolSize);
        pool.setMinimumIdle(1);
        return new AuditStorage(pool);
    }

    @Bean
    AuditWriter auditWriter(AuditStorage storage, CheckpointSigner signer, ObjectProvider<AuditObserver> observers,
            Clock clock,
            @Value("${salus.audit.checkpoint.every-entries:1000}") long checkpointEvery,
            @Value("${salus.audit.checkpoint.every:60m}") Duration checkpointInterval,
            @Value("${salus.audit.writer.max-batch:500}") int maxBatch,
            @Value("${salus.audit.writer.queue-capacity:10000}") int queueCapacity,
            @Value("${salus.audit.writer.timeout:10s}") Duration timeout,
            @Value("${salus.audit.writer.known-head:true}") boolean knownHead) {
        // the one-statement append needs PostgreSQL's data-modifying CTEs; elsewhere every append locks
        boolean postgres = storage.pool().getJdbcUrl() != null && storage.pool().getJdbcUrl().startsWith("jdbc:postgresql:");
        return new AuditWriter(storage.dataSource(), new ChainAppender(signer, checkpointEvery, checkpointInterval),
                observers, clock, maxBatch, queueCapacity, timeout, knownHead && postgres);
    }
}
