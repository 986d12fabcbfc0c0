package health.salus.audit.trail;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * The writer's own connections to the application database. Deliberately not a {@code DataSource}
 * bean: one of those would replace the application's own.
 */
public record AuditStorage(HikariDataSource pool) implements AutoCloseable {

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
