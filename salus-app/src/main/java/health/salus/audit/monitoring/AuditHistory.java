package health.salus.audit.monitoring;

import health.salus.audit.AuditCategory;
import health.salus.audit.AuditOutcome;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the monitors ask of the trail behind the entries they are shown. Reading {@code audit_entry}
 * (not memory) lets every node reach the same answer. A window that ends at the entry being judged
 * is {@code (from, to]}, so that entry counts whatever precision the database keeps times in; a baseline
 * before it is {@code [from, to)}.
 */
@Component
class AuditHistory {

    private static final String PATIENT_DATA = AuditCategory.PATIENT_DATA.name();
    /** One look of the monitors covers many requests and patients; this keeps each IN list a modest size. */
    private static final int IDS_PER_QUERY = 500;

    private final JdbcClient jdbc;

    AuditHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Denied attempts with one of {@code actions} by an actor ({@code column} = actor_id) or from an address. */
    int deniedAttempts(String column, String value, Collection<String> actions, Instant from, Instant to) {
        if (!column.equals("actor_id") && !column.equals("client_ip")) {
            throw new IllegalArgumentException(column);
        }
        return jdbc.sql("select count(*) from audit_entry where " + column + " = :value and outcome = :outcome "
                + "and action in (:actions) and occurred_at > :from and occurred_at <= :to")
                .param("value", value).param("outcome", AuditOutcome.DENIED.name()).param("actions", actions)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(Integer.class).single();
    }

    /** Distinct patients whose data the actor touched. */
    int distinctPatients(String actorId, Instant from, Instant to) {
        return jdbc.sql("select count(distinct patient_id) from audit_entry where actor_id = ? and category = ? "
                + "and patient_id is not null and occurred_at > ? and occurred_at <= ?")
                .params(actorId, PATIENT_DATA, Timestamp.from(from), Timestamp.from(to)).query(Integer.class).single();
    }

    /** The most distinct patients the actor touched in any one clock hour. */
    int busiestHour(String actorId, Instant from, Instant to) {
        return jdbc.sql("select max(n) from (select date_trunc('hour', occurred_at) as h, count(distinct patient_id) "
                + "as n from audit_entry where actor_id = ? and category = ? and patient_id is not null "
                + "and occurred_at >= ? and occurred_at < ? group by date_trunc('hour', occurred_at)) busiest")
                .params(actorId, PATIENT_DATA, Timestamp.from(from), Timestamp.from(to)).query(Integer.class)
                .optional().orElse(0);
    }

    /** The clock hours (their starts) in which the actor touched patient data. */
    List<Instant> activeHours(String actorId, Instant from, Instant to) {
        return jdbc.sql("select distinct date_trunc('hour', occurred_at) as h from audit_entry where actor_id = ? "
                + "and category = ? and occurred_at >= ? and occurred_at < ?")
                .params(actorId, PATIENT_DATA, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> rs.getTimestamp("h").toInstant()).list();
    }

    /** Distinct patients each of {@code requestIds} touched; a request that touched none is left out. */
    Map<String, Integer> distinctPatientsInRequests(Collection<String> requestIds) {
        Map<String, Integer> patients = new HashMap<>();
        inChunks(requestIds, ids -> jdbc.sql("select request_id, count(distinct patient_id) from audit_entry "
                + "where request_id in (:ids) and category = :category and patient_id is not null group by request_id")
                .param("ids", ids).param("category", PATIENT_DATA)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list())
                .forEach(counted -> patients.put(counted.getKey(), counted.getValue()));
        return patients;
    }

    /** Which of {@code patientIds} are flagged, with the reason. */
    List<FlaggedPatient> flagged(Collection<String> patientIds) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        return inChunks(patientIds, ids -> jdbc.sql("select patient_id, reason, flagged_by, flagged_at "
                + "from audit_flagged_patient where patient_id in (:ids)").param("ids", ids)
                .query(FlaggedPatient::map).list());
    }

    /** Runs {@code query} on at most {@value #IDS_PER_QUERY} ids at a time and answers all it found. */
    private static <T> List<T> inChunks(Collection<String> values, Function<List<String>, List<T>> query) {
        List<String> ids = List.copyOf(values);
        List<T> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            found.addAll(query.apply(ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY))));
        }
        return found;
    }
}
