package health.salus.patients.registration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code patients_registration} table: ids and flags of each registration, never patient details. */
@Repository
class RegistrationRecords {

    record Row(String patientId, String consentId, Optional<String> coverageId, boolean possibleDuplicate,
            String registeredBy, Instant registeredAt) {
    }

    private final JdbcClient jdbc;

    RegistrationRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Row row) {
        jdbc.sql("insert into patients_registration (patient_id, consent_id, coverage_id, possible_duplicate, "
                + "registered_by, registered_at) values (?, ?, ?, ?, ?, ?)")
                .params(row.patientId(), row.consentId(), row.coverageId().orElse(null), row.possibleDuplicate(),
                        row.registeredBy(), Timestamp.from(row.registeredAt()))
                .update();
    }

    /** Read only after the caller was allowed to read the Patient through the store. */
    Optional<Row> find(String patientId) {
        return jdbc.sql("select patient_id, consent_id, coverage_id, possible_duplicate, registered_by, registered_at "
                + "from patients_registration where patient_id = ?").param(patientId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), Optional.ofNullable(rs.getString(3)),
                        rs.getBoolean(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .optional();
    }
}
