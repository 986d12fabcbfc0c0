package health.salus.scheduling.availability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads practitioners' calendars for a search in five queries whatever the number of practitioners
 * (set-up, weekly rules, zones, closures, reservations), so slot search stays fast over a clinic.
 */
@Repository
public class AvailabilityStore {

    /** Reservations that still occupy time (their cells exist). */
    static final String LIVE = "status in ('booked', 'arrived', 'fulfilled', 'noshow', 'held')";

    private final JdbcClient jdbc;

    AvailabilityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<PractitionerCalendar> calendars(SlotQuery query) {
        StringBuilder sql = new StringBuilder("select practitioner_id, specialty, default_minutes, buffer_minutes "
                + "from scheduling_practitioner p where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        query.practitionerId().ifPresent(id -> {
            sql.append(" and practitioner_id = :practitioner");
            params.put("practitioner", id);
        });
        query.specialty().ifPresent(code -> {
            sql.append(" and specialty = :specialty");
            params.put("specialty", code);
        });
        query.locationId().ifPresent(id -> {
            sql.append(" and exists (select 1 from scheduling_weekly_hours h where h.practitioner_id = "
                    + "p.practitioner_id and h.location_id = :location)");
            params.put("location", id);
        });
        sql.append(" order by practitioner_id");
        List<Setup> setups = jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Setup(
                rs.getString(1), Optional.ofNullable(rs.getString(2)), rs.getInt(3), rs.getInt(4))).list();
        if (setups.isEmpty()) {
            return List.of();
        }
        List<String> ids = setups.stream().map(Setup::practitionerId).toList();
        Map<String, List<WeeklyRule>> rules = new HashMap<>();
        jdbc.sql("select practitioner_id, location_id, day_of_week, kind, starts_at, ends_at "
                + "from scheduling_weekly_hours where practitioner_id in (:ids)").param("ids", ids)
                .query((ResultSet rs) -> {
                    rules.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new WeeklyRule(
                            rs.getString(2), DayOfWeek.of(rs.getInt(3)), WeeklyRule.Kind.valueOf(rs.getString(4)),
                            rs.getObject(5, LocalTime.class), rs.getObject(6, LocalTime.class)));
                });
        Set<String> locations = new java.util.HashSet<>();
        rules.values().forEach(list -> list.forEach(r -> locations.add(r.locationId())));
        Map<String, ZoneId> zones = zones(locations);
        Map<String, List<Interval>> closures = new HashMap<>();
        jdbc.sql("select coalesce(practitioner_id, ''), location_id, starts_at, ends_at from scheduling_closure "
                + "where (practitioner_id in (:ids) or location_id in (:locations)) and ends_at > :from "
                + "and starts_at < :to").param("ids", ids).param("locations", locations.isEmpty() ? List.of("") : locations)
                .param("from", utc(query.from())).param("to", utc(query.to()))
                .query((ResultSet rs) -> {
                    String key = rs.getString(1).isEmpty() ? "@" + rs.getString(2) : rs.getString(1);
                    closures.computeIfAbsent(key, k -> new ArrayList<>()).add(interval(rs, 3, 4));
                });
        Map<String, List<Interval>> reserved = new HashMap<>();
        jdbc.sql("select practitioner_id, starts_at, blocked_until from scheduling_reservation where "
                + "practitioner_id in (:ids) and " + LIVE + " and blocked_until > :from and starts_at < :to")
                .param("ids", ids).param("from", utc(query.from()))
                .param("to", utc(query.to()))
                .query((ResultSet rs) -> {
                    reserved.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(interval(rs, 2, 3));
                });
        return setups.stream().map(setup -> {
            List<WeeklyRule> own = rules.getOrDefault(setup.practitionerId(), List.of());
            Map<String, ZoneId> ownZones = new HashMap<>();
            Map<String, List<Interval>> ownClosures = new HashMap<>();
            ownClosures.put(PractitionerCalendar.OWN_ABSENCES, closures.getOrDefault(setup.practitionerId(), List.of()));
            own.forEach(rule -> {
                ownZones.put(rule.locationId(), zones.get(rule.locationId()));
                ownClosures.put(rule.locationId(), closures.getOrDefault("@" + rule.locationId(), List.of()));
            });
            return new PractitionerCalendar(setup.practitionerId(), setup.specialty(), setup.defaultMinutes(),
                    setup.bufferMinutes(), own, ownZones, ownClosures,
                    reserved.getOrDefault(setup.practitionerId(), List.of()));
        }).toList();
    }

    public Optional<PractitionerCalendar> calendar(String practitionerId, Instant from, Instant to) {
        return calendars(new SlotQuery(Optional.of(practitionerId), Optional.empty(), Optional.empty(), from, to))
                .stream().findFirst();
    }

    /** The visit length of an appointment type; empty when the type is unknown. */
    public Optional<Optional<Integer>> typeMinutes(String code) {
        return jdbc.sql("select minutes from scheduling_appointment_type where code = ?").param(code)
                .query((rs, n) -> Optional.ofNullable((Integer) rs.getObject(1))).optional();
    }

    public Optional<ZoneId> zone(String locationId) {
        return Optional.ofNullable(zones(Set.of(locationId)).get(locationId));
    }

    private Map<String, ZoneId> zones(Set<String> locations) {
        Map<String, ZoneId> zones = new HashMap<>();
        if (!locations.isEmpty()) {
            jdbc.sql("select location_id, zone_id from scheduling_location where location_id in (:ids)")
                    .param("ids", locations)
                    .query((ResultSet rs) -> {
                        zones.put(rs.getString(1), ZoneId.of(rs.getString(2)));
                    });
        }
        return zones;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Interval interval(ResultSet rs, int start, int end) throws SQLException {
        return new Interval(rs.getObject(start, OffsetDateTime.class).toInstant(),
                rs.getObject(end, OffsetDateTime.class).toInstant());
    }

    private record Setup(String practitionerId, Optional<String> specialty, int defaultMinutes, int bufferMinutes) {
    }
}
