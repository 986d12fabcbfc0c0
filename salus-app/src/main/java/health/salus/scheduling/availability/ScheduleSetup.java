package health.salus.scheduling.availability;

import health.salus.fhir.ResourceStore;
import health.salus.platform.InvalidFieldsException;
import health.salus.platform.InvalidFieldsException.FieldProblem;
import health.salus.scheduling.availability.ScheduleSettings.Absence;
import health.salus.scheduling.availability.ScheduleSettings.Hours;
import health.salus.scheduling.availability.ScheduleSettings.PractitionerSettings;
import health.salus.scheduling.availability.ScheduleSettings.SiteSettings;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores sites' zones and holidays and practitioners' weekly patterns. Each change also upserts the
 * FHIR Schedule of that site or practitioner through the resource store as the caller, which is what
 * decides who may change schedules (administrators and front desk in the shipped policy) and audits it.
 */
@Service
public class ScheduleSetup {

    public static final int DEFAULT_BUFFER_MINUTES = 15;
    static final String SCHEDULE_SYSTEM = "https://salus.health/fhir/sid/schedule";

    private final JdbcClient jdbc;
    private final ResourceStore store;

    ScheduleSetup(JdbcClient jdbc, ResourceStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    @Transactional
    public void configureSite(String locationId, SiteSettings settings) {
        ZoneId zone;
        List<LocalDate> holidays = new ArrayList<>();
        try {
            zone = ZoneId.of(Optional.ofNullable(settings.zone()).orElse(""));
        } catch (DateTimeException e) {
            throw InvalidFieldsException.of("zone", "Must be an IANA time zone such as America/New_York");
        }
        for (int i = 0; settings.holidays() != null && i < settings.holidays().size(); i++) {
            try {
                holidays.add(LocalDate.parse(settings.holidays().get(i)));
            } catch (DateTimeException e) {
                throw InvalidFieldsException.of("holidays[" + i + "]", "Must be a date (YYYY-MM-DD)");
            }
        }
        schedule("location-" + locationId, "Location/" + locationId);
        if (jdbc.sql("update scheduling_location set zone_id = ? where location_id = ?").params(zone.getId(), locationId)
                .update() == 0) {
            jdbc.sql("insert into scheduling_location (location_id, zone_id) values (?, ?)")
                    .params(locationId, zone.getId()).update();
        }
        jdbc.sql("delete from scheduling_closure where location_id = ? and practitioner_id is null").param(locationId)
                .update();
        for (LocalDate day : holidays) {
            closure(locationId, null, day.atStartOfDay(zone).toOffsetDateTime(),
                    day.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
    }

    @Transactional
    public void configurePractitioner(String practitionerId, PractitionerSettings settings) {
        List<FieldProblem> problems = new ArrayList<>();
        int minutes = Optional.ofNullable(settings.defaultMinutes()).orElse(30);
        int buffer = Optional.ofNullable(settings.bufferMinutes()).orElse(DEFAULT_BUFFER_MINUTES);
        if (minutes <= 0 || minutes % 5 != 0) {
            problems.add(new FieldProblem("defaultMinutes", "A positive multiple of 5"));
        }
        if (buffer < 0 || buffer % 5 != 0) {
            problems.add(new FieldProblem("bufferMinutes", "Zero or a positive multiple of 5"));
        }
        List<WeeklyRule> rules = new ArrayList<>();
        rules(settings.hours(), "hours", WeeklyRule.Kind.WORK, rules, problems);
        rules(settings.breaks(), "breaks", WeeklyRule.Kind.BREAK, rules, problems);
        List<OffsetDateTime[]> absences = new ArrayList<>();
        List<Absence> requested = Optional.ofNullable(settings.absences()).orElse(List.of());
        for (int i = 0; i < requested.size(); i++) {
            try {
                OffsetDateTime start = OffsetDateTime.parse(requested.get(i).start());
                OffsetDateTime end = OffsetDateTime.parse(requested.get(i).end());
                if (!end.isAfter(start)) {
                    problems.add(new FieldProblem("absences[" + i + "].end", "The end must be after the start"));
                }
                absences.add(new OffsetDateTime[] {start, end});
            } catch (DateTimeException | NullPointerException e) {
                problems.add(new FieldProblem("absences[" + i + "]", "Start and end are dates and times with offset"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        schedule("practitioner-" + practitionerId, "Practitioner/" + practitionerId);
        jdbc.sql("delete from scheduling_weekly_hours where practitioner_id = ?").param(practitionerId).update();
        jdbc.sql("delete from scheduling_closure where practitioner_id = ?").param(practitionerId).update();
        if (jdbc.sql("update scheduling_practitioner set specialty = ?, default_minutes = ?, buffer_minutes = ? "
                + "where practitioner_id = ?").params(settings.specialty(), minutes, buffer, practitionerId).update() == 0) {
            jdbc.sql("insert into scheduling_practitioner (practitioner_id, specialty, default_minutes, buffer_minutes) "
                    + "values (?, ?, ?, ?)").params(practitionerId, settings.specialty(), minutes, buffer).update();
        }
        for (WeeklyRule rule : rules) {
            jdbc.sql("insert into scheduling_weekly_hours (practitioner_id, location_id, day_of_week, kind, starts_at, "
                    + "ends_at) values (?, ?, ?, ?, ?, ?)").params(practitionerId, rule.locationId(),
                            rule.day().getValue(), rule.kind().name(), rule.start(), rule.end()).update();
        }
        absences.forEach(a -> closure(null, practitionerId, a[0], a[1]));
    }

    private void rules(List<Hours> hours, String field, WeeklyRule.Kind kind, List<WeeklyRule> rules,
            List<FieldProblem> problems) {
        List<Hours> given = Optional.ofNullable(hours).orElse(List.of());
        for (int i = 0; i < given.size(); i++) {
            Hours h = given.get(i);
            String at = field + "[" + i + "]";
            try {
                LocalTime start = LocalTime.parse(h.start());
                LocalTime end = LocalTime.parse(h.end());
                DayOfWeek day = DayOfWeek.valueOf(h.dayOfWeek().toUpperCase(Locale.ROOT));
                if (!end.isAfter(start)) {
                    problems.add(new FieldProblem(at + ".end", "The end must be after the start"));
                } else if (jdbc.sql("select count(*) from scheduling_location where location_id = ?")
                        .param(h.location()).query(Integer.class).single() == 0) {
                    problems.add(new FieldProblem(at + ".location", "Set up the site's time zone first"));
                } else {
                    rules.add(new WeeklyRule(h.location(), day, kind, start, end));
                }
            } catch (DateTimeException | IllegalArgumentException | NullPointerException e) {
                problems.add(new FieldProblem(at, "Needs location, dayOfWeek (MONDAY…SUNDAY), start and end (HH:mm)"));
            }
        }
    }

    private void closure(String locationId, String practitionerId, OffsetDateTime start, OffsetDateTime end) {
        jdbc.sql("insert into scheduling_closure (closure_id, location_id, practitioner_id, starts_at, ends_at) "
                + "values (?, ?, ?, ?, ?)").params(UUID.randomUUID().toString(), locationId, practitionerId,
                        start, end).update();
    }

    /** The FHIR Schedule standing for this set-up; writing it is the permission check and the audit entry. */
    private void schedule(String key, String actor) {
        Schedule schedule = new Schedule().setActive(true);
        schedule.addIdentifier().setSystem(SCHEDULE_SYSTEM).setValue(key);
        schedule.addActor(new Reference(actor));
        store.conditionalUpdate(schedule, "Schedule?identifier=" + SCHEDULE_SYSTEM + "|" + key);
    }
}
