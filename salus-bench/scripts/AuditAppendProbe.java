/*
 * Times the audit trail's one-statement append (ChainAppender.appendOnKnownHead, one row) from Java,
 * alone, against a scratch schema "probe" holding the audit tables. Set up and run (plan_cache_mode:
 * none = the server default, or force_custom_plan / force_generic_plan):
 *   M=salus-app/src/main/resources/db/migration
 *   (echo "drop schema if exists probe cascade; create schema probe; set search_path=probe;"; \
 *    cat $M/V8__audit_trail.sql $M/V11__audit_monitoring_indexes.sql) | psql -h 127.0.0.1 -U postgres test
 *   java -cp ~/.m2/repository/org/postgresql/postgresql/42.7.13/postgresql-42.7.13.jar \
 *     salus-bench/scripts/AuditAppendProbe.java none 3000
 *   psql -h 127.0.0.1 -U postgres test -c "drop schema probe cascade"
 * Prints avg, p50 and p95 of the last 80 % of the runs.
 */
import java.sql.*;
import java.time.*;
import java.util.*;

public class AuditAppendProbe {
    static final String COLS = "sequence, recorded_at, occurred_at, category, action, outcome, actor_id, actor_roles, on_behalf_of, patient_id, resource_type, resource_ids, purpose, client_ip, user_agent, request_id, detail, previous_hash, hash";
    public static void main(String[] a) throws Exception {
        String mode = a[0];
        int n = Integer.parseInt(a[1]);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test?reWriteBatchedInserts=true", "postgres", "")) {
            if (!mode.equals("none")) c.createStatement().execute("set plan_cache_mode = " + mode);
            c.setAutoCommit(false);
            c.createStatement().execute("truncate probe.audit_entry");
            c.createStatement().execute("update probe.audit_chain_head set last_sequence = 0, last_hash = 'h0'");
            c.commit();
            c.setAutoCommit(true);
            String row = "(" + String.join(", ", Collections.nCopies(19, "?")) + ")";
            String sql = "with moved as (update probe.audit_chain_head set last_sequence = ?, last_hash = ?, mac = ? where id = 1 and last_sequence = ? and last_hash = ? returning id) insert into probe.audit_entry (" + COLS + ") select * from (values " + row + ") as batch where exists (select 1 from moved)";
            long seq = 0; String prev = "h0";
            long[] t = new long[n];
            Random r = new Random(1);
            for (int i = 0; i < n; i++) {
                long s = seq + 1; String h = String.format("%064x", s);
                long t0 = System.nanoTime();
                try (PreparedStatement p = c.prepareStatement(sql)) {
                    int k = 1;
                    p.setLong(k++, s); p.setString(k++, h); p.setString(k++, h); p.setLong(k++, seq); p.setString(k++, prev);
                    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                    p.setLong(k++, s); p.setObject(k++, now); p.setObject(k++, now);
                    p.setString(k++, "PATIENT_DATA"); p.setString(k++, "search"); p.setString(k++, "SUCCESS");
                    p.setString(k++, "system:bench"); p.setString(k++, "system"); p.setNull(k++, Types.VARCHAR);
                    p.setString(k++, "p" + r.nextInt(200)); p.setString(k++, "Observation"); p.setString(k++, "o1,o2,o3,o4,o5");
                    p.setString(k++, "SYSTEM"); p.setString(k++, "127.0.0.1"); p.setString(k++, "Java-http-client/17");
                    p.setString(k++, UUID.randomUUID().toString().replace("-", "")); p.setNull(k++, Types.VARCHAR);
                    p.setString(k++, prev); p.setString(k++, h);
                    if (p.executeUpdate() != 1) throw new IllegalStateException("not inserted");
                }
                t[i] = System.nanoTime() - t0;
                seq = s; prev = h;
            }
            long[] w = Arrays.copyOfRange(t, n / 5, n);
            Arrays.sort(w);
            System.out.printf("%-20s avg %.3f ms  p50 %.3f ms  p95 %.3f ms%n", mode, Arrays.stream(w).average().orElse(0) / 1e6, w[w.length / 2] / 1e6, w[(int) (w.length * 0.95)] / 1e6);
        }
    }
}
