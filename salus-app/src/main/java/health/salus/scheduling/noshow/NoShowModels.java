package health.salus.scheduling.noshow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stored model versions ({@code scheduling_no_show_model}). Versions only grow; the newest is the one
 * in use. Two nodes retraining at once both try the next number and the loser takes the one after.
 */
@Repository
public class NoShowModels {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;

    NoShowModels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<NoShowModel> latest() {
        return jdbc.sql("""
                select version, trained_at, source, training_size, parameters from scheduling_no_show_model
                order by version desc limit 1""").query(this::model).optional();
    }

    public Optional<Long> latestVersion() {
        return jdbc.sql("select version from scheduling_no_show_model order by version desc limit 1")
                .query(Long.class).optional();
    }

    public Optional<NoShowModel> version(long version) {
        return jdbc.sql("select version, trained_at, source, training_size, parameters from scheduling_no_show_model "
                + "where version = ?").param(version).query(this::model).optional();
    }

    /** Stores the model under the next version number and returns it with that number. */
    public NoShowModel add(NoShowModel model) {
        for (int attempt = 0; ; attempt++) {
            long next = jdbc.sql("select coalesce(max(version), 0) + 1 from scheduling_no_show_model")
                    .query(Long.class).single();
            NoShowModel versioned = model.withVersion(next);
            try {
                insert(versioned);
                return versioned;
            } catch (DuplicateKeyException raced) {
                if (attempt >= 3) {
                    throw raced;
                }
            }
        }
    }

    private void insert(NoShowModel model) {
        ModelEvaluation e = model.evaluation();
        jdbc.sql("""
                insert into scheduling_no_show_model (version, trained_at, source, training_size, test_size, auc,
                  brier, calibration_error, parameters) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(model.version(), Timestamp.from(model.trainedAt()), model.source(), model.trainingSize(),
                        e.testSize(), e.auc(), e.brier(), e.expectedCalibrationError(), write(Parameters.of(model)))
                .update();
    }

    private NoShowModel model(ResultSet rs, int row) throws SQLException {
        Parameters p = read(rs.getString("parameters"));
        return new NoShowModel(rs.getLong("version"), rs.getObject("trained_at", OffsetDateTime.class).toInstant(),
                rs.getString("source"), rs.getInt("training_size"), p.baseRate(), p.featureNames(), p.means(),
                p.standardDeviations(), p.intercept(), p.coefficients(), p.evaluation());
    }

    private static String write(Parameters parameters) {
        try {
            return JSON.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("model parameters could not be written", e);
        }
    }

    private static Parameters read(String json) {
        try {
            return JSON.readValue(json, Parameters.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored model parameters could not be read", e);
        }
    }

    /** What the JSON column holds: everything needed to predict and to show the model's quality. */
    record Parameters(double baseRate, List<String> featureNames, double[] means, double[] standardDeviations,
            double intercept, double[] coefficients, ModelEvaluation evaluation) {

        static Parameters of(NoShowModel m) {
            return new Parameters(m.baseRate(), m.featureNames(), m.means(), m.standardDeviations(), m.intercept(),
                    m.coefficients(), m.evaluation());
        }
    }
}
