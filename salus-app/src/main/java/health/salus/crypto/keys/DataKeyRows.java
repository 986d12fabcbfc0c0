package health.salus.crypto.keys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** SQL for {@code crypto_data_key}; wrapped bytes only, never a key in the clear. */
@Repository
class DataKeyRows {

    static final String ACTIVE = "active";
    static final String RETIRED = "retired";
    static final String DESTROYED = "destroyed";

    record Row(long id, String owner, int version, byte[] wrapped, String kekId, String state, Instant createdAt) {
    }

    private static final String COLUMNS = "id, owner, version, wrapped_key, kek_id, state, created_at";
    private static final RowMapper<Row> MAPPER = DataKeyRows::map;

    private final JdbcTemplate jdbc;

    DataKeyRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(long id) {
        return jdbc.query("select " + COLUMNS + " from crypto_data_key where id = ?", MAPPER, id).stream()
                .findFirst();
    }

    Optional<Row> newestActive(String owner) {
        return jdbc.query("select " + COLUMNS + " from crypto_data_key where owner = ? and state = 'active' "
                + "order by version desc limit 1", MAPPER, owner).stream().findFirst();
    }

    int maxVersion(String owner) {
        Integer max = jdbc.queryForObject("select max(version) from crypto_data_key where owner = ?", Integer.class,
                owner);
        return max == null ? 0 : max;
    }

    long nextId() {
        return jdbc.queryForObject("select nextval('crypto_data_key_seq')", Long.class);
    }

    void insert(Row row) {
        jdbc.update("insert into crypto_data_key (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)", row.id(),
                row.owner(), row.version(), row.wrapped(), row.kekId(), row.state(), Timestamp.from(row.createdAt()));
    }

    /** Keys still wrapped by another KEK key than {@code kekId}, in id order after {@code afterId}. */
    List<Row> wrappedByOtherThan(String kekId, long afterId, int limit) {
        return jdbc.query("select " + COLUMNS + " from crypto_data_key where wrapped_key is not null "
                + "and kek_id <> ? and id > ? order by id limit ?", MAPPER, kekId, afterId, limit);
    }

    boolean rewrap(long id, String oldKekId, byte[] wrapped, String kekId) {
        return jdbc.update("update crypto_data_key set wrapped_key = ?, kek_id = ? where id = ? and kek_id = ? "
                + "and wrapped_key is not null", wrapped, kekId, id, oldKekId) == 1;
    }

    List<Long> idsOf(String owner) {
        return jdbc.queryForList("select id from crypto_data_key where owner = ?", Long.class, owner);
    }

    /** Crypto-shredding: the wrapped bytes go, so no KEK and no backup of the KEK brings them back. */
    int destroy(String owner, Instant at) {
        return jdbc.update("update crypto_data_key set wrapped_key = null, kek_id = null, state = 'destroyed', "
                + "destroyed_at = ? where owner = ? and state <> 'destroyed'", Timestamp.from(at), owner);
    }

    /** Owners whose newest active version predates {@code before}: they need a new version. */
    List<String> ownersWithKeysOlderThan(Instant before, String afterOwner, int limit) {
        return jdbc.queryForList("select owner from crypto_data_key where state = 'active' and owner > ? "
                + "group by owner having max(created_at) < ? order by owner limit ?", String.class, afterOwner,
                Timestamp.from(before), limit);
    }

    /** Active versions that are not their owner's newest: candidates for retirement. */
    List<Row> supersededActive() {
        return jdbc.query("select " + COLUMNS + " from crypto_data_key k where state = 'active' and exists ("
                + "select 1 from crypto_data_key n where n.owner = k.owner and n.version > k.version "
                + "and n.state = 'active')", MAPPER);
    }

    void retire(List<Long> ids) {
        jdbc.batchUpdate("update crypto_data_key set state = 'retired' where id = ? and state = 'active'",
                ids.stream().map(id -> new Object[] {id}).toList());
    }

    private static Row map(ResultSet rs, int rowNum) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBytes(4), rs.getString(5),
                rs.getString(6), rs.getTimestamp(7).toInstant());
    }
}
