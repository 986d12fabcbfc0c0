package health.salus.crypto.keys;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A new patient's data key is created and committed on its own, while the write that needs it holds a
 * connection of the main pool. Taking that second connection from the main pool too let a burst of
 * new-patient writes hold every connection while each waited for one more (registrations failed after
 * the 30 s pool timeout); key creation therefore has a small pool of its own, like the audit writer.
 */
@Configuration(proxyBeanMethods = false)
class KeyCreationPool {

    record Storage(HikariDataSource pool, JdbcTemplate jdbc, TransactionTemplate transaction) implements AutoCloseable {
        @Override
        public void close() {
            pool.close();
        }
    }

    @Bean(destroyMethod = "close")
    Storage keyCreationStorage(DataSourceProperties properties,
            @Value("${salus.crypto.key-creation.pool-size:2}") int poolSize) {
        HikariDataSource pool = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        pool.setPoolName("salus-key-creation");
        pool.setMaximumPoolSize(poolSize);
        pool.setMinimumIdle(0);
        return new Storage(pool, new JdbcTemplate(pool), new TransactionTemplate(new DataSourceTransactionManager(pool)));
    }
}
