package health.salus.fhir.store;

import health.salus.fhir.BodyCodec;
import health.salus.fhir.StoredBodies;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-seals bodies in place for key rotation. Each update only applies when the row still carries
 * the version and key id it was read with, so a write that raced the re-seal (and was sealed with
 * the newest key anyway) is left alone; running a batch twice does no harm.
 */
@Service
class JdbcStoredBodies implements StoredBodies {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JdbcStoredBodies.class);

    private final JdbcTemplate jdbc;
    private final BodyCodec codec;
    private final TransactionTemplate tx;

    JdbcStoredBodies(JdbcTemplate jdbc, BodyCodec codec, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.tx = tx;
    }

    private record Body(long pk, long version, String compartment, String keyId, byte[] bytes) {
    }

    @Override
    public ResealProgress reseal(long afterRowId, int batchSize) {
        List<Long> pks = jdbc.queryForList("select id from fhir_resource where id > ? order by id limit ?",
                Long.class, afterRowId, batchSize);
        if (pks.isEmpty()) {
            return new ResealProgress(afterRowId, 0, 0, true);
        }
        String marks = String.join(",", Collections.nCopies(pks.size(), "?"));
        Integer bodies = tx.execute(status -> {
            List<Body> current = jdbc.query("select id, version, compartment, key_id, body from fhir_resource "
                    + "where body is not null and id in (" + marks + ")", (rs, n) -> body(rs), pks.toArray());
            int done = update("update fhir_resource set key_id = ?, body = ? where id = ? and version = ? "
                    + "and key_id = ?", current);
            List<Body> history = jdbc.query("select resource_id, version, compartment, key_id, body "
                    + "from fhir_resource_history where body is not null and resource_id in (" + marks + ")",
                    (rs, n) -> body(rs), pks.toArray());
            return done + update("update fhir_resource_history set key_id = ?, body = ? where resource_id = ? "
                    + "and version = ? and key_id = ?", history);
        });
        return new ResealProgress(pks.get(pks.size() - 1), pks.size(), bodies == null ? 0 : bodies,
                pks.size() < batchSize);
    }

    private int update(String sql, List<Body> bodies) {
        List<Object[]> args = new ArrayList<>();
        for (Body body : bodies) {
            byte[] plaintext;
            try {
                plaintext = codec.open(body.compartment(), body.keyId(), body.bytes());
            } catch (BodyCodec.KeyDestroyedException erased) {
                continue;   // erased stays erased
            } catch (BodyCodec.UnreadableBodyException broken) {
                // one damaged row must not stop a rotation; it keeps its key version from retiring
                log.warn("Row {} (version {}) could not be opened and was left as it is", body.pk(), body.version());
                continue;
            }
            BodyCodec.Sealed sealed = codec.seal(body.compartment(), plaintext);
            if (!sealed.keyId().equals(body.keyId())) {
                args.add(new Object[] {sealed.keyId(), sealed.bytes(), body.pk(), body.version(), body.keyId()});
            }
        }
        if (!args.isEmpty()) {
            jdbc.batchUpdate(sql, args);
        }
        return args.size();
    }

    private static Body body(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Body(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBytes(5));
    }

    @Override
    public long resourceCount() {
        Long count = jdbc.queryForObject("select count(*) from fhir_resource", Long.class);
        return count == null ? 0 : count;
    }

    @Override
    public Set<String> keyIdsInUse() {
        return new HashSet<>(jdbc.queryForList("select distinct key_id from fhir_resource union "
                + "select distinct key_id from fhir_resource_history", String.class));
    }
}
