package health.salus.audit.view;

import health.salus.audit.trail.EntryRows;
import health.salus.audit.trail.EntryRows.StoredEntry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads {@code audit_entry} for the trail's views (FHIR AuditEvent, the patient's report,
 * disclosures), newest first. Conditions are added as SQL with bound parameters only.
 */
@Component
public class AuditEntries {

    private final JdbcClient jdbc;

    AuditEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Query query() {
        return new Query(jdbc);
    }

    /** One query being built: every condition is ANDed. */
    public static final class Query {

        private final JdbcClient jdbc;
        private final StringBuilder where = new StringBuilder(" where 1 = 1");
        private final List<Object> params = new ArrayList<>();

        private Query(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        public Query where(String condition, Object... values) {
            where.append(" and (").append(condition).append(')');
            for (Object value : values) {
                params.add(value instanceof Instant instant ? Timestamp.from(instant) : value);
            }
            return this;
        }

        /** {@code column in (...)}; an empty set matches nothing. */
        public Query in(String column, Collection<String> values) {
            if (values.isEmpty()) {
                return where("1 = 0");
            }
            return where(column + " in (" + String.join(", ", values.stream().map(v -> "?").toList()) + ")",
                    values.toArray());
        }

        /** Entries listing this resource id among their comma-separated {@code resource_ids}. */
        public Query resourceId(String id) {
            return where("',' || resource_ids || ',' like ?", "%," + id.replace("%", "").replace("_", "") + ",%");
        }

        public Query from(Instant from) {
            return where("occurred_at >= ?", from);
        }

        public Query before(Instant to) {
            return where("occurred_at < ?", to);
        }

        public List<StoredEntry> page(int offset, int count) {
            var spec = jdbc.sql("select " + EntryRows.COLUMNS + " from audit_entry" + where
                    + " order by sequence desc offset ? rows fetch next ? rows only");
            for (Object param : params) {
                spec = spec.param(param);
            }
            return spec.param(offset).param(count).query((rs, n) -> EntryRows.map(rs)).list();
        }

        public long count() {
            var spec = jdbc.sql("select count(*) from audit_entry" + where);
            for (Object param : params) {
                spec = spec.param(param);
            }
            return spec.query(Long.class).single();
        }
    }
}
