package health.salus.fhir.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes and removes index rows in JDBC batches, many resources at a time. */
@Component
public class IndexWriter {

    private static final List<String> TABLES = List.of("fhir_idx_string", "fhir_idx_token", "fhir_idx_date",
            "fhir_idx_number", "fhir_idx_quantity", "fhir_idx_reference", "fhir_idx_uri");

    private final JdbcTemplate jdbc;

    public IndexWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows of one stored resource version. */
    /** {@code compartment}: the patient the resource belongs to (null for shared ones), kept on reference rows. */
    public record Indexed(long resourceId, String resourceType, String compartment, IndexRows rows) {
    }

    public void removeFor(List<Long> resourceIds) {
        if (resourceIds.isEmpty()) {
            return;
        }
        List<Object[]> args = resourceIds.stream().map(id -> new Object[] {id}).toList();
        for (String table : TABLES) {
            jdbc.batchUpdate("delete from " + table + " where resource_id = ?", args);
        }
    }

    public void insert(List<Indexed> indexed) {
        batch(indexed, "insert into fhir_idx_string (resource_id, res_type, param, value_norm, value_exact) "
                + "values (?, ?, ?, ?, ?)", rows -> rows.strings,
                row -> new Object[] {row.param(), row.valueNorm(), row.valueExact()});
        batch(indexed, "insert into fhir_idx_token (resource_id, res_type, param, system, code, text_norm) "
                + "values (?, ?, ?, ?, ?, ?)", rows -> rows.tokens,
                row -> new Object[] {row.param(), row.system(), row.code(), row.textNorm()});
        batch(indexed, "insert into fhir_idx_date (resource_id, res_type, param, low_ms, high_ms) "
                + "values (?, ?, ?, ?, ?)", rows -> rows.dates,
                row -> new Object[] {row.param(), row.lowMs(), row.highMs()});
        batch(indexed, "insert into fhir_idx_number (resource_id, res_type, param, num_value) values (?, ?, ?, ?)",
                rows -> rows.numbers, row -> new Object[] {row.param(), row.value()});
        batch(indexed, "insert into fhir_idx_quantity (resource_id, res_type, param, num_value, system, code) "
                + "values (?, ?, ?, ?, ?, ?)", rows -> rows.quantities,
                row -> new Object[] {row.param(), row.value(), row.system(), row.code()});
        List<Object[]> references = new ArrayList<>();
        for (Indexed resource : indexed) {
            for (IndexRows.ReferenceRow row : resource.rows().references) {
                references.add(new Object[] {resource.resourceId(), resource.resourceType(), row.param(),
                    row.targetType(), row.targetId(), resource.compartment()});
            }
        }
        if (!references.isEmpty()) {
            jdbc.batchUpdate("insert into fhir_idx_reference (resource_id, res_type, param, target_type, target_id, "
                    + "compartment) values (?, ?, ?, ?, ?, ?)", references);
        }
        batch(indexed, "insert into fhir_idx_uri (resource_id, res_type, param, uri) values (?, ?, ?, ?)",
                rows -> rows.uris, row -> new Object[] {row.param(), row.uri()});
    }

    private <R> void batch(List<Indexed> indexed, String sql, Function<IndexRows, List<R>> rowsOf,
            Function<R, Object[]> values) {
        List<Object[]> args = new ArrayList<>();
        for (Indexed resource : indexed) {
            for (R row : rowsOf.apply(resource.rows())) {
                Object[] rowValues = values.apply(row);
                Object[] all = new Object[rowValues.length + 2];
                all[0] = resource.resourceId();
                all[1] = resource.resourceType();
                System.arraycopy(rowValues, 0, all, 2, rowValues.length);
                args.add(all);
            }
        }
        if (!args.isEmpty()) {
            jdbc.batchUpdate(sql, args);
        }
    }
}
