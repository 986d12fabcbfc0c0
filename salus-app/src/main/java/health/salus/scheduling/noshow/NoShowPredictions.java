package health.salus.scheduling.noshow;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored predictions ({@code scheduling_no_show_prediction}): ids, model version, probability, feature names. */
@Repository
public class NoShowPredictions {

    static final String SEPARATOR = "|";

    private final JdbcClient jdbc;

    NoShowPredictions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored prediction, with the coordinator task it created if any. */
    public record StoredPrediction(String appointmentId, String patientId, Prediction prediction, boolean highRisk,
            Optional<String> followUpTask) {
    }

    /** Replaces the prediction of this appointment by this model version (re-assessment keeps one row). */
    void save(String appointmentId, String patientId, Prediction prediction, boolean highRisk,
            Optional<String> followUpTask, Instant predictedAt) {
        jdbc.sql("delete from scheduling_no_show_prediction where appointment_id = ? and model_version = ?")
                .params(appointmentId, prediction.modelVersion()).update();
        jdbc.sql("""
                insert into scheduling_no_show_prediction (appointment_id, model_version, patient_id, probability,
                  top_features, high_risk, follow_up_task, predicted_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(appointmentId, prediction.modelVersion(), patientId, prediction.probability(),
                        String.join(SEPARATOR, prediction.topFeatures()), highRisk, followUpTask.orElse(null),
                        Timestamp.from(predictedAt))
                .update();
    }

    /** The newest prediction of an appointment (by model version). */
    public Optional<StoredPrediction> latest(String appointmentId) {
        return jdbc.sql("""
                select appointment_id, patient_id, model_version, probability, top_features, high_risk, follow_up_task
                from scheduling_no_show_prediction where appointment_id = ? order by model_version desc limit 1""")
                .param(appointmentId)
                .query((rs, row) -> new StoredPrediction(rs.getString("appointment_id"), rs.getString("patient_id"),
                        new Prediction(rs.getDouble("probability"), rs.getLong("model_version"),
                                features(rs.getString("top_features"))),
                        rs.getBoolean("high_risk"), Optional.ofNullable(rs.getString("follow_up_task"))))
                .optional();
    }

    private static List<String> features(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\\" + SEPARATOR));
    }
}
