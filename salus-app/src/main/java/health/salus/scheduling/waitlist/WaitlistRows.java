package health.salus.scheduling.waitlist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The waitlist table: first come, first offered. */
@Repository
class WaitlistRows {

    private static final String COLUMNS = "entry_id, patient_id, practitioner_id, location_id, appointment_type, "
            + "visit_mode, window_start, window_end, status, reservation_id";

    private final JdbcClient jdbc;
    private final Clock clock;

    WaitlistRows(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void add(WaitlistEntry entry) {
        jdbc.sql("insert into scheduling_waitlist (" + COLUMNS + ", created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(entry.entryId(), entry.patientId(), entry.practitionerId(), entry.locationId().orElse(null),
                        entry.appointmentType(), entry.visitMode(), utc(entry.windowStart()), utc(entry.windowEnd()),
                        entry.status(), entry.reservationId().orElse(null), utc(clock.instant()))
                .update();
    }

    /** The longest-waiting entry whose window holds the freed time, locked so two nodes cannot offer it twice. */
    Optional<WaitlistEntry> firstWaitingFor(String practitionerId, String locationId, Instant start, Instant end) {
        return jdbc.sql("select " + COLUMNS + " from scheduling_waitlist where status = 'waiting' and practitioner_id = ? "
                + "and (location_id is null or location_id = ?) and window_start <= ? and window_end >= ? "
                + "order by created_at, entry_id limit 1 for update")
                .params(practitionerId, locationId, utc(start), utc(end)).query(WaitlistRows::map).optional();
    }

    /**
     * The patient's oldest open entry (waiting or offered) for the same practitioner and visit type whose
     * window overlaps the wanted one, at the same site or with either side open to any site.
     */
    Optional<WaitlistEntry> openOverlapping(WaitlistEntry wanted) {
        List<Object> params = new ArrayList<>(List.of(wanted.patientId(), wanted.practitionerId(),
                wanted.appointmentType(), utc(wanted.windowEnd()), utc(wanted.windowStart())));
        wanted.locationId().ifPresent(params::add);
        return jdbc.sql("select " + COLUMNS + " from scheduling_waitlist where patient_id = ? and practitioner_id = ? "
                + "and appointment_type = ? and status in ('waiting', 'offered') and window_start < ? and window_end > ? "
                + (wanted.locationId().isPresent() ? "and (location_id is null or location_id = ?) " : "")
                + "order by created_at, entry_id limit 1")
                .params(params).query(WaitlistRows::map).optional();
    }

    Optional<WaitlistEntry> lock(String entryId) {
        return jdbc.sql("select " + COLUMNS + " from scheduling_waitlist where entry_id = ? for update").param(entryId)
                .query(WaitlistRows::map).optional();
    }

    Optional<WaitlistEntry> offeredWith(String reservationId) {
        return jdbc.sql("select " + COLUMNS + " from scheduling_waitlist where reservation_id = ? and status = 'offered'")
                .param(reservationId).query(WaitlistRows::map).optional();
    }

    void mark(String entryId, String status, Optional<String> reservationId) {
        jdbc.sql("update scheduling_waitlist set status = ?, reservation_id = ? where entry_id = ?")
                .params(status, reservationId.orElse(null), entryId).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static WaitlistEntry map(ResultSet rs, int row) throws SQLException {
        return new WaitlistEntry(rs.getString(1), rs.getString(2), rs.getString(3), Optional.ofNullable(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant(),
                rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getString(9), Optional.ofNullable(rs.getString(10)));
    }
}
