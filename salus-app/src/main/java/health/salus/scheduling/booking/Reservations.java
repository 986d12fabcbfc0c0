package health.salus.scheduling.booking;

import health.salus.scheduling.availability.SlotFinder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reservation table and its 5-minute cells. Taking time inserts one (practitioner, cell) row per
 * cell from start to the end of the buffer; the primary key makes a second overlapping reservation
 * fail with {@link DuplicateKeyException} on whichever node tries, inside the caller's transaction.
 * Cells are inserted in ascending order, so two competing bookings wait on the same first cell
 * instead of deadlocking.
 */
@Repository
public class Reservations {

    private static final String COLUMNS = "reservation_id, appointment_id, practitioner_id, location_id, "
            + "patient_id, kind, status, visit_mode, starts_at, ends_at, blocked_until, hold_expires_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    Reservations(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    /** Stores the reservation and takes its cells; throws {@link DuplicateKeyException} when any is taken. */
    public void reserve(Reservation reservation) {
        jdbc.sql("insert into scheduling_reservation (" + COLUMNS + ", created_at) values "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(reservation.reservationId(), reservation.appointmentId().orElse(null),
                        reservation.practitionerId(), reservation.locationId(), reservation.patientId(),
                        reservation.kind().name(), reservation.status(), reservation.visitMode(),
                        utc(reservation.start()), utc(reservation.end()), utc(reservation.blockedUntil()),
                        reservation.holdExpiresAt().map(Reservations::utc).orElse(null), utc(clock.instant()))
                .update();
        takeCells(reservation.reservationId(), reservation.practitionerId(), reservation.start(),
                reservation.blockedUntil());
    }

    /** Moves a reservation to new times: frees its cells and takes the new ones in the same transaction. */
    public void move(Reservation reservation, Instant start, Instant end, Instant blockedUntil) {
        freeCells(reservation.reservationId());
        jdbc.sql("update scheduling_reservation set starts_at = ?, ends_at = ?, blocked_until = ? "
                + "where reservation_id = ?").params(utc(start), utc(end), utc(blockedUntil),
                        reservation.reservationId()).update();
        takeCells(reservation.reservationId(), reservation.practitionerId(), start, blockedUntil);
    }

    /** Ends a reservation (cancelled, expired): its time is free again. */
    public void release(String reservationId, String status) {
        freeCells(reservationId);
        setStatus(reservationId, status);
    }

    public void setStatus(String reservationId, String status) {
        jdbc.sql("update scheduling_reservation set status = ? where reservation_id = ?").params(status, reservationId)
                .update();
    }

    /** A hold claimed by its patient becomes the booking of an appointment, keeping its cells. */
    public void convertToBooking(String reservationId) {
        jdbc.sql("update scheduling_reservation set kind = 'BOOKED', status = 'booked', hold_expires_at = null "
                + "where reservation_id = ?").param(reservationId).update();
    }

    public void attachAppointment(String reservationId, String appointmentId) {
        jdbc.sql("update scheduling_reservation set appointment_id = ? where reservation_id = ?")
                .params(appointmentId, reservationId).update();
    }

    /** The reservation of an appointment, locked until the transaction ends so status changes queue up. */
    public Optional<Reservation> lockForAppointment(String appointmentId) {
        return jdbc.sql("select " + COLUMNS + " from scheduling_reservation where appointment_id = ? for update")
                .param(appointmentId).query(Reservations::map).optional();
    }

    public Optional<Reservation> lock(String reservationId) {
        return jdbc.sql("select " + COLUMNS + " from scheduling_reservation where reservation_id = ? for update")
                .param(reservationId).query(Reservations::map).optional();
    }

    /** Holds whose time ran out and that nobody claimed. */
    public List<String> expiredHolds(Instant now) {
        return jdbc.sql("select reservation_id from scheduling_reservation where kind = 'HOLD' and status = 'held' "
                + "and hold_expires_at <= ?").param(utc(now)).query(String.class).list();
    }

    private void takeCells(String reservationId, String practitionerId, Instant start, Instant blockedUntil) {
        long cellSeconds = SlotFinder.CELL.toSeconds();
        List<Object[]> rows = new ArrayList<>();
        for (long cell = start.getEpochSecond() / cellSeconds; cell * cellSeconds < blockedUntil.getEpochSecond();
                cell++) {
            rows.add(new Object[] {practitionerId, cell, reservationId});
        }
        template.batchUpdate("insert into scheduling_reserved_cell (practitioner_id, cell, reservation_id) "
                + "values (?, ?, ?)", rows);
    }

    private void freeCells(String reservationId) {
        jdbc.sql("delete from scheduling_reserved_cell where reservation_id = ?").param(reservationId).update();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Reservation map(ResultSet rs, int row) throws SQLException {
        return new Reservation(rs.getString(1), Optional.ofNullable(rs.getString(2)), rs.getString(3),
                rs.getString(4), rs.getString(5), Reservation.Kind.valueOf(rs.getString(6)), rs.getString(7),
                rs.getString(8), instant(rs, 9), instant(rs, 10), instant(rs, 11),
                Optional.ofNullable(rs.getObject(12, OffsetDateTime.class)).map(OffsetDateTime::toInstant));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
