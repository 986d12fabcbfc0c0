package health.salus.patients.mpi.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The duplicate review queue (table {@code patients_duplicate_review}). A pair is queued once; a
 * decision moves it from OPEN to MERGED or NOT_DUPLICATE exactly once, whoever decides first.
 */
@Repository
public class DuplicateReviews {

    private static final String COLUMNS = "id, new_patient_id, candidate_patient_id, score, agreements, status, "
            + "created_at, decided_by, decided_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    DuplicateReviews(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Queues the pair unless it (either way round) is already on the queue; returns the review id. */
    @Transactional
    public String queue(String newPatientId, String candidatePatientId, double score, List<String> agreements) {
        Optional<String> existing = jdbc.sql("select id from patients_duplicate_review where "
                        + "(new_patient_id = ? and candidate_patient_id = ?) or (new_patient_id = ? and candidate_patient_id = ?)")
                .params(newPatientId, candidatePatientId, candidatePatientId, newPatientId).query(String.class)
                .optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into patients_duplicate_review (" + COLUMNS + ") values (?, ?, ?, ?, ?, 'OPEN', ?, null, null)")
                .params(id, newPatientId, candidatePatientId, Math.round(score * 100) / 100.0,
                        String.join(",", agreements), now())
                .update();
        return id;
    }

    public Optional<DuplicateReview> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from patients_duplicate_review where id = ?").param(id)
                .query(DuplicateReviews::row).optional();
    }

    /** Newest first; {@code status} empty for every status. */
    public List<DuplicateReview> list(Optional<DuplicateReview.Status> status, int offset, int count) {
        String where = status.isPresent() ? " where status = '" + status.get().name() + "'" : "";
        return jdbc.sql("select " + COLUMNS + " from patients_duplicate_review" + where
                        + " order by created_at desc, id offset ? rows fetch next ? rows only")
                .params(offset, count).query(DuplicateReviews::row).list();
    }

    /** Every review, of any status, that names the patient on either side. */
    public List<DuplicateReview> involving(String patientId) {
        return jdbc.sql("select " + COLUMNS + " from patients_duplicate_review where new_patient_id = ? "
                        + "or candidate_patient_id = ? order by created_at desc, id")
                .params(patientId, patientId).query(DuplicateReviews::row).list();
    }

    /** Closes an OPEN review; false when it is not open (decided already, or unknown). */
    @Transactional
    public boolean decide(String id, DuplicateReview.Status decision, String decidedBy) {
        if (decision == DuplicateReview.Status.OPEN) {
            throw new IllegalArgumentException("a decision closes a review");
        }
        return jdbc.sql("update patients_duplicate_review set status = ?, decided_by = ?, decided_at = ? "
                        + "where id = ? and status = 'OPEN'")
                .params(decision.name(), decidedBy, now(), id).update() == 1;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static DuplicateReview row(ResultSet rs, int rowNum) throws SQLException {
        String agreements = rs.getString("agreements");
        return new DuplicateReview(rs.getString("id"), rs.getString("new_patient_id"),
                rs.getString("candidate_patient_id"), rs.getDouble("score"),
                agreements == null || agreements.isEmpty() ? List.of() : Arrays.asList(agreements.split(",")),
                DuplicateReview.Status.valueOf(rs.getString("status")), instant(rs.getTimestamp("created_at")).orElseThrow(),
                Optional.ofNullable(rs.getString("decided_by")), instant(rs.getTimestamp("decided_at")));
    }

    private static Optional<Instant> instant(Timestamp timestamp) {
        return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
    }
}
