package health.salus.audit.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** A patient whose record is watched, why ({@code VIP} or {@code EMPLOYEE}), by whom and since when. */
record FlaggedPatient(String patientId, Reason reason, String flaggedBy, Instant flaggedAt) {

    enum Reason { VIP, EMPLOYEE }

    static FlaggedPatient map(ResultSet rs, int row) throws SQLException {
        return new FlaggedPatient(rs.getString("patient_id"), Reason.valueOf(rs.getString("reason")),
                rs.getString("flagged_by"), rs.getTimestamp("flagged_at").toInstant());
    }
}
