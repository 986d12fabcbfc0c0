package health.salus.patients.eligibility;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The eligibility check table (V25) and the X12 control number sequence (V24). */
@Repository
class EligibilityCheckRows {

    private final JdbcClient jdbc;

    EligibilityCheckRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long nextControlNumber() {
        return jdbc.sql("select nextval('patients_x12_control_number')").query(Long.class).single();
    }

    /** Inserts a new PENDING check; false when one with this id exists already (a redelivered event). */
    boolean insert(String id, String patientId, String coverageId, Optional<String> requestId, Instant now) {
        if (find(id).isPresent()) {
            return false;
        }
        jdbc.sql("insert into patients_eligibility_check (id, patient_id, coverage_id, request_id, status, attempts, "
                        + "next_attempt_at, requested_at, updated_at) values (?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)")
                .params(id, patientId, coverageId, requestId.orElse(null), Timestamp.from(now), Timestamp.from(now),
                        Timestamp.from(now))
                .update();
        return true;
    }

    Optional<EligibilityCheck> find(String id) {
        return jdbc.sql("select * from patients_eligibility_check where id = ?").param(id).query(this::map).optional();
    }

    Optional<EligibilityCheck> latestFor(String patientId) {
        return jdbc.sql("select * from patients_eligibility_check where patient_id = ? "
                        + "order by requested_at desc, updated_at desc limit 1")
                .param(patientId).query(this::map).optional();
    }

    void requested(String id, String requestId, Instant now) {
        jdbc.sql("update patients_eligibility_check set request_id = ?, updated_at = ? where id = ?")
                .params(requestId, Timestamp.from(now), id).update();
    }

    void retrying(String id, int attempts, Instant nextAttemptAt, String errorCode, Instant now) {
        jdbc.sql("update patients_eligibility_check set status = 'PENDING', attempts = ?, next_attempt_at = ?, "
                        + "error_code = ?, updated_at = ? where id = ?")
                .params(attempts, Timestamp.from(nextAttemptAt), errorCode, Timestamp.from(now), id).update();
    }

    void settled(String id, EligibilityStatus status, int attempts, Optional<String> responseId,
            Optional<String> errorCode, Instant now) {
        jdbc.sql("update patients_eligibility_check set status = ?, attempts = ?, next_attempt_at = null, "
                        + "response_id = ?, error_code = ?, updated_at = ? where id = ?")
                .params(status.name(), attempts, responseId.orElse(null), errorCode.orElse(null), Timestamp.from(now),
                        id)
                .update();
    }

    private EligibilityCheck map(ResultSet rs, int row) throws SQLException {
        return new EligibilityCheck(rs.getString("id"), rs.getString("patient_id"), rs.getString("coverage_id"),
                Optional.ofNullable(rs.getString("request_id")), Optional.ofNullable(rs.getString("response_id")),
                EligibilityStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), Optional.ofNullable(rs.getString("error_code")),
                instant(rs, "requested_at").orElseThrow(), instant(rs, "updated_at").orElseThrow());
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getTimestamp(column)).map(Timestamp::toInstant);
    }
}
