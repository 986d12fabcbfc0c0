package health.salus.fhir.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** SQL for the resource and history tables; nothing outside the store touches them. */
@Repository
class ResourceDao {

    static final String COLUMNS = "r.id, r.res_type, r.fhir_id, r.version, r.compartment, r.last_updated, r.deleted, "
            + "r.key_id, r.body";
    private static final int ID_BLOCK = 50;
    private static final RowMapper<ResourceRow> MAPPER = ResourceDao::map;

    private final JdbcTemplate jdbc;
    private final ReentrantLock idLock = new ReentrantLock();
    private long nextId;
    private long idCeiling;

    ResourceDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Reserves primary keys fifty at a time, matching the sequence's increment. A lock rather than
     * {@code synchronized}: the database round trip must not pin a virtual thread's carrier.
     */
    long nextPk() {
        idLock.lock();
        try {
            if (nextId >= idCeiling) {
                Long start = jdbc.queryForObject("select nextval('fhir_resource_seq')", Long.class);
                nextId = start;
                idCeiling = start + ID_BLOCK;
            }
            return nextId++;
        } finally {
            idLock.unlock();
        }
    }

    Optional<ResourceRow> find(String type, String id) {
        return jdbc.query("select " + COLUMNS + " from fhir_resource r where r.res_type = ? and r.fhir_id = ?",
                MAPPER, type, id).stream().findFirst();
    }

    Optional<ResourceRow> findVersion(String type, String id, long version) {
        return jdbc.query("select h.resource_id, h.res_type, h.fhir_id, h.version, h.compartment, h.last_updated, "
                + "h.deleted, h.key_id, h.body from fhir_resource_history h where h.res_type = ? and h.fhir_id = ? "
                + "and h.version = ?", MAPPER, type, id, version).stream().findFirst();
    }

    /** Loads rows by primary key, returned in the order of {@code pks}. */
    List<ResourceRow> findByPks(List<Long> pks) {
        if (pks.isEmpty()) {
            return List.of();
        }
        Map<Long, ResourceRow> byPk = new HashMap<>();
        for (int from = 0; from < pks.size(); from += 500) {
            List<Long> chunk = pks.subList(from, Math.min(pks.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            jdbc.query("select " + COLUMNS + " from fhir_resource r where r.id in (" + marks + ")", MAPPER,
                    chunk.toArray()).forEach(row -> byPk.put(row.pk(), row));
        }
        List<ResourceRow> ordered = new ArrayList<>(pks.size());
        for (Long pk : pks) {
            ResourceRow row = byPk.get(pk);
            if (row != null) {
                ordered.add(row);
            }
        }
        return ordered;
    }

    List<ResourceRow> findLive(String type, Collection<String> ids) {
        List<String> all = new ArrayList<>(ids);
        List<ResourceRow> rows = new ArrayList<>();
        // in chunks: drivers limit how many values one statement may bind
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            List<Object> args = new ArrayList<>();
            args.add(type);
            args.addAll(chunk);
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            rows.addAll(jdbc.query("select " + COLUMNS + " from fhir_resource r where r.res_type = ? "
                    + "and r.deleted = false and r.fhir_id in (" + marks + ")", MAPPER, args.toArray()));
        }
        return rows;
    }

    List<Long> queryPks(String sql, Object[] args) {
        return jdbc.queryForList(sql, Long.class, args);
    }

    int count(String sql, Object[] args) {
        Integer count = jdbc.queryForObject(sql, Integer.class, args);
        return count == null ? 0 : count;
    }

    void insert(List<ResourceRow> rows) {
        jdbc.batchUpdate("insert into fhir_resource (id, res_type, fhir_id, version, compartment, last_updated, "
                + "deleted, key_id, body) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows.stream().map(row -> new Object[] {
                    row.pk(), row.type(), row.id(), row.version(), row.compartment(), Timestamp.from(row.lastUpdated()),
                    row.deleted(), row.keyId(), row.body()}).toList());
    }

    /** Moves a resource to its next version unless someone else got there first. */
    boolean update(ResourceRow row, long expectedVersion) {
        return jdbc.update("update fhir_resource set version = ?, compartment = ?, last_updated = ?, deleted = ?, "
                + "key_id = ?, body = ? where id = ? and version = ?", row.version(), row.compartment(),
                Timestamp.from(row.lastUpdated()), row.deleted(), row.keyId(), row.body(), row.pk(),
                expectedVersion) == 1;
    }

    void insertHistory(List<ResourceRow> rows, List<String> methods) {
        List<Object[]> args = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ResourceRow row = rows.get(i);
            args.add(new Object[] {row.pk(), row.version(), row.type(), row.id(), row.compartment(),
                Timestamp.from(row.lastUpdated()), row.deleted(), methods.get(i), row.keyId(), row.body()});
        }
        jdbc.batchUpdate("insert into fhir_resource_history (resource_id, version, res_type, fhir_id, compartment, "
                + "last_updated, deleted, method, key_id, body) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args);
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    static ResourceRow map(ResultSet rs, int rowNum) throws SQLException {
        return new ResourceRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), rs.getBoolean(7), rs.getString(8), rs.getBytes(9));
    }
}
