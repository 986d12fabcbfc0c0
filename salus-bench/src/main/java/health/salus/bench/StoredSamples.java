package health.salus.bench;

import health.salus.bench.IngestBench.PatientSample;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Patients to search for, read back from a store loaded by an earlier run ({@code --reuse=true}). */
final class StoredSamples {

    private StoredSamples() {
    }

    static List<PatientSample> read(JdbcTemplate jdbc, int limit) {
        return jdbc.query("select r.fhir_id, t.system, t.code, s.value_exact, d.low_ms from fhir_resource r "
                + "join fhir_idx_token t on t.resource_id = r.id and t.param = 'identifier' "
                + "join fhir_idx_string s on s.resource_id = r.id and s.param = 'family' "
                + "join fhir_idx_date d on d.resource_id = r.id and d.param = 'birthdate' "
                + "where r.res_type = 'Patient' order by r.id limit ?", (rs, n) -> new PatientSample(rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5)).atZone(ZoneOffset.UTC).toLocalDate().toString()), limit);
    }
}
