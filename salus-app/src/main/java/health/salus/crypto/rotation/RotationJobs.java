package health.salus.crypto.rotation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The rotation job table. A node works on a rotation only while it holds the lease, renewed with
 * every batch; a node that dies lets the lease run out and another (or itself, restarted) resumes
 * from the stored cursor. Every step update is guarded by the lease owner.
 */
@Repository
class RotationJobs {

    private static final String COLUMNS = "id, state, phase, requested_by, rows_total, rows_done, bodies_resealed, "
            + "cursor_row, keys_rewrapped, keys_created, keys_retired, started_at, finished_at";

    private final JdbcTemplate jdbc;

    RotationJobs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String id, String requestedBy, long rowsTotal, Instant startedAt) {
        jdbc.update("insert into crypto_rotation (id, state, phase, requested_by, rows_total, rows_done, "
                + "bodies_resealed, cursor_row, keys_rewrapped, keys_created, keys_retired, started_at) "
                + "values (?, 'running', 'REWRAP', ?, ?, 0, 0, 0, 0, 0, 0, ?)", id, requestedBy, rowsTotal,
                Timestamp.from(startedAt));
    }

    Optional<Rotation> find(String id) {
        return jdbc.query("select " + COLUMNS + " from crypto_rotation where id = ?", RotationJobs::map, id).stream()
                .findFirst();
    }

    List<Rotation> running() {
        return jdbc.query("select " + COLUMNS + " from crypto_rotation where state = 'running' order by started_at",
                RotationJobs::map);
    }

    boolean claim(String id, String node, Instant now, Instant until) {
        return jdbc.update("update crypto_rotation set lease_owner = ?, lease_until = ? where id = ? "
                + "and state = 'running' and (lease_owner is null or lease_owner = ? or lease_until < ?)", node,
                Timestamp.from(until), id, node, Timestamp.from(now)) == 1;
    }

    /** Records one step's progress (and renews the lease); false when this node lost the lease. */
    boolean advance(Rotation after, String node, Instant until) {
        return jdbc.update("update crypto_rotation set state = ?, phase = ?, rows_total = ?, rows_done = ?, "
                + "bodies_resealed = ?, cursor_row = ?, keys_rewrapped = ?, keys_created = ?, keys_retired = ?, "
                + "finished_at = ?, lease_until = ? where id = ? and lease_owner = ?", after.state(), after.phase(),
                after.rowsTotal(), after.rowsDone(), after.bodiesResealed(), after.cursorRow(), after.keysRewrapped(),
                after.keysCreated(), after.keysRetired(), after.finishedAt().map(Timestamp::from).orElse(null),
                Timestamp.from(until), after.id(), node) == 1;
    }

    private static Rotation map(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp(13);
        return new Rotation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getInt(9), rs.getInt(10), rs.getInt(11),
                rs.getTimestamp(12).toInstant(), Optional.ofNullable(finished).map(Timestamp::toInstant));
    }
}
