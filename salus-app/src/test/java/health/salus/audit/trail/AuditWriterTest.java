package health.salus.audit.trail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.salus.audit.AuditCategory;
import health.salus.audit.AuditEntry;
import health.salus.audit.AuditObserver;
import health.salus.audit.AuditOutcome;
import health.salus.audit.AuditRecord;
import health.salus.audit.AuditUnavailableException;
import health.salus.audit.PurposeOfUse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The writer on its own database: observers hear of committed entries, and failures reach the callers. */
class AuditWriterTest {

    private final CheckpointSigner signer = new CheckpointSigner(
            "a-test-key-of-at-least-thirty-two-bytes!".getBytes(StandardCharsets.US_ASCII));
    private AuditWriter writer;

    @AfterEach
    void stop() {
        if (writer != null) {
            writer.stop();
        }
    }

    @Test
    void observersGetTheCommittedEntriesInOrderAndOneThatThrowsHarmsNothing() throws Exception {
        List<AuditEntry> heard = new CopyOnWriteArrayList<>();
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("failing", (AuditObserver) entries -> {
            throw new IllegalStateException("observer bug");
        });
        beans.registerSingleton("listening", (AuditObserver) heard::addAll);
        writer = start(database(), beans);
        writer.record(List.of(record("first"), record("second")));
        writer.record(record("third"));
        // callers are released at commit, observers are told right after: wait for them to hear
        for (int i = 0; i < 200 && heard.size() < 3; i++) {
            Thread.sleep(50);
        }
        assertThat(heard).extracting(entry -> entry.record().action()).containsExactly("first", "second", "third");
        assertThat(heard).extracting(AuditEntry::sequence).containsExactly(1L, 2L, 3L);
        assertThat(heard.get(1).previousHash()).isEqualTo(heard.get(0).hash());
    }

    @Test
    void whenTheDatabaseFailsTheCallerGetsAuditUnavailableAndLaterRecordsStillChain() throws Exception {
        DataSource healthy = database();
        boolean[] broken = {true};
        DataSource flaky = new DelegatingDataSource(healthy) {
            @Override
            public Connection getConnection() throws SQLException {
                if (broken[0]) {
                    throw new SQLException("database unreachable", "08001");
                }
                return super.getConnection();
            }
        };
        writer = start(flaky, new DefaultListableBeanFactory());
        assertThatThrownBy(() -> writer.record(record("lost"))).isInstanceOf(AuditUnavailableException.class);
        broken[0] = false;
        writer.record(record("kept"));
        try (Connection connection = healthy.getConnection();
                var rs = connection.createStatement().executeQuery("select sequence, action from audit_entry")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo("kept");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void callersWritingOnTheirOwnThreadsAndTheWriterThreadKeepOneUnbrokenChain() throws Exception {
        List<AuditEntry> heard = new CopyOnWriteArrayList<>();
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("listening", (AuditObserver) heard::addAll);
        DataSource dataSource = database();
        writer = start(dataSource, beans);
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int c = 0; c < 8; c++) {
                int caller = c;
                done.add(callers.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        writer.record(record("caller-" + caller + "-" + i));
                    }
                }));
            }
            for (var each : done) {
                each.get();
            }
        } finally {
            callers.shutdownNow();
        }
        // every caller returned, so every record is committed: dense sequences, none lost or doubled
        try (Connection connection = dataSource.getConnection();
                var rs = connection.createStatement().executeQuery("select count(*), min(sequence), max(sequence), "
                        + "count(distinct action) from audit_entry")) {
            rs.next();
            assertThat(List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                    .containsExactly(320L, 1L, 320L, 320L);
        }
        for (int i = 0; i < 200 && heard.size() < 320; i++) {
            Thread.sleep(50);
        }
        // observers hear in chain order whichever thread wrote the batch
        assertThat(heard).extracting(AuditEntry::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 320).boxed().toList());
        for (int i = 1; i < heard.size(); i++) {
            assertThat(heard.get(i).previousHash()).isEqualTo(heard.get(i - 1).hash());
        }
    }

    @Test
    void aStoppedTrailRefusesRecordsInsteadOfDroppingThem() throws Exception {
        writer = start(database(), new DefaultListableBeanFactory());
        writer.stop();
        assertThatThrownBy(() -> writer.record(record("late"))).isInstanceOf(AuditUnavailableException.class);
    }

    private AuditWriter start(DataSource dataSource, DefaultListableBeanFactory beans) {
        AuditWriter started = new AuditWriter(dataSource, new ChainAppender(signer, 1000, Duration.ofHours(1)),
                beans.getBeanProvider(AuditObserver.class), Clock.systemUTC(), 100, 100, Duration.ofSeconds(30), false);
        started.start();
        return started;
    }

    private static DataSource database() throws SQLException {
        DataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:writer-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        try (Connection connection = h2.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/migration/V8__audit_trail.sql"));
        }
        return h2;
    }

    private static AuditRecord record(String action) {
        return new AuditRecord(Instant.now(), AuditCategory.SECURITY, action, AuditOutcome.SUCCESS,
                new AuditRecord.Actor("a1", List.of(), null), null, null, List.of(), PurposeOfUse.SYSTEM,
                AuditRecord.Origin.NONE, null);
    }
}
