package health.salus.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.scheduling.availability.FreeSlot;
import health.salus.scheduling.availability.Interval;
import health.salus.scheduling.availability.PractitionerCalendar;
import health.salus.scheduling.availability.SlotFinder;
import health.salus.scheduling.availability.WeeklyRule;
import health.salus.scheduling.availability.WeeklyRule.Kind;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Free time from weekly hours, breaks, closures and reservations, across time zones and DST changes. */
class SlotFinderTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void workingHoursFollowTheWallClockAcrossTheSpringForwardChange() {
        PractitionerCalendar calendar = calendar(15, List.of(work(DayOfWeek.FRIDAY, "09:00", "10:00"),
                work(DayOfWeek.MONDAY, "09:00", "10:00")), Map.of(), List.of());

        List<FreeSlot> slots = SlotFinder.freeSlots(calendar, at("2026-03-06T00:00"), at("2026-03-10T00:00"), 30,
                Optional.empty(), 100);

        assertThat(slots).extracting(FreeSlot::start).containsExactly(
                Instant.parse("2026-03-06T14:00:00Z"),   // EST, UTC-5
                Instant.parse("2026-03-09T13:00:00Z"));  // EDT, UTC-4: still 09:00 on the wall
    }

    @Test
    void aNightShiftOverSpringForwardHasOneHourLessAndOverFallBackOneHourMore() {
        PractitionerCalendar calendar = calendar(0, List.of(work(DayOfWeek.SUNDAY, "00:00", "06:00")), Map.of(),
                List.of());

        Duration spring = openDuration(calendar, LocalDate.parse("2026-03-08"));
        Duration fall = openDuration(calendar, LocalDate.parse("2026-11-01"));
        Duration ordinary = openDuration(calendar, LocalDate.parse("2026-03-15"));

        assertThat(ordinary).isEqualTo(Duration.ofHours(6));
        assertThat(spring).isEqualTo(Duration.ofHours(5));
        assertThat(fall).isEqualTo(Duration.ofHours(7));
        assertThat(SlotFinder.freeSlots(calendar, at("2026-03-08T00:00"), at("2026-03-09T00:00"), 60,
                Optional.empty(), 100)).hasSize(5);
    }

    @Test
    void consecutiveOffersKeepTheBufferBetweenVisits() {
        PractitionerCalendar calendar = calendar(15, List.of(work(DayOfWeek.MONDAY, "09:00", "12:00")), Map.of(),
                List.of());

        List<FreeSlot> slots = SlotFinder.freeSlots(calendar, at("2026-06-01T00:00"), at("2026-06-02T00:00"), 30,
                Optional.empty(), 100);

        assertThat(slots).extracting(s -> local(s.start())).containsExactly("09:00", "09:45", "10:30", "11:15");
    }

    @Test
    void overlappingBreaksCloseTheirUnion() {
        PractitionerCalendar calendar = calendar(0, List.of(work(DayOfWeek.MONDAY, "09:00", "17:00"),
                rest(DayOfWeek.MONDAY, "12:00", "13:00"), rest(DayOfWeek.MONDAY, "12:30", "13:30")), Map.of(),
                List.of());

        List<FreeSlot> slots = SlotFinder.freeSlots(calendar, at("2026-06-01T00:00"), at("2026-06-02T00:00"), 30,
                Optional.empty(), 100);

        assertThat(slots).extracting(s -> local(s.start())).contains("11:30", "13:30").doesNotContain("12:00",
                "12:30", "13:00");
        assertThat(slots).hasSize(16 - 3);
    }

    @Test
    void aReservationAndItsBufferPushTheNextOfferBack() {
        Interval booked = new Interval(at("2026-06-01T10:00"), at("2026-06-01T10:45"));
        PractitionerCalendar calendar = calendar(15, List.of(work(DayOfWeek.MONDAY, "09:00", "12:00")), Map.of(),
                List.of(booked));

        List<FreeSlot> slots = SlotFinder.freeSlots(calendar, at("2026-06-01T00:00"), at("2026-06-02T00:00"), 30,
                Optional.empty(), 100);

        // 09:45 would run with its buffer into the 10:00 booking; the next start is where that one's buffer ends
        assertThat(slots).extracting(s -> local(s.start())).containsExactly("09:00", "10:45", "11:30");
    }

    @Test
    void aSiteHolidayClosesTheWholeDay() {
        Interval holiday = new Interval(at("2026-06-01T00:00"), at("2026-06-02T00:00"));
        PractitionerCalendar calendar = calendar(15, List.of(work(DayOfWeek.MONDAY, "09:00", "12:00"),
                work(DayOfWeek.TUESDAY, "09:00", "10:00")), Map.of("site", List.of(holiday)), List.of());

        List<FreeSlot> slots = SlotFinder.freeSlots(calendar, at("2026-06-01T00:00"), at("2026-06-03T00:00"), 30,
                Optional.empty(), 100);

        assertThat(slots).extracting(s -> s.start().atZone(NEW_YORK).toLocalDate())
                .containsOnly(LocalDate.parse("2026-06-02"));
    }

    @Test
    void aVisitIsOpenOnlyWhollyInsideWorkingTimeOutsideBreaks() {
        PractitionerCalendar calendar = calendar(15, List.of(work(DayOfWeek.MONDAY, "09:00", "17:00"),
                rest(DayOfWeek.MONDAY, "12:00", "13:00")), Map.of(), List.of());

        assertThat(SlotFinder.isOpen(calendar, "site", new Interval(at("2026-06-01T11:30"), at("2026-06-01T12:00"))))
                .isTrue();
        assertThat(SlotFinder.isOpen(calendar, "site", new Interval(at("2026-06-01T11:45"), at("2026-06-01T12:15"))))
                .isFalse();
        assertThat(SlotFinder.isOpen(calendar, "site", new Interval(at("2026-06-01T16:45"), at("2026-06-01T17:15"))))
                .isFalse();
        assertThat(SlotFinder.isOpen(calendar, "other", new Interval(at("2026-06-01T09:00"), at("2026-06-01T09:30"))))
                .isFalse();
    }

    private static Duration openDuration(PractitionerCalendar calendar, LocalDate day) {
        return SlotFinder.openTime(calendar, day.atStartOfDay(NEW_YORK).toInstant(),
                day.plusDays(1).atStartOfDay(NEW_YORK).toInstant()).stream()
                .map(o -> Duration.between(o.interval().start(), o.interval().end()))
                .reduce(Duration.ZERO, Duration::plus);
    }

    private static PractitionerCalendar calendar(int buffer, List<WeeklyRule> rules, Map<String, List<Interval>> closures,
            List<Interval> reserved) {
        return new PractitionerCalendar("prac", Optional.empty(), 30, buffer, rules, Map.of("site", NEW_YORK), closures,
                reserved);
    }

    private static WeeklyRule work(DayOfWeek day, String start, String end) {
        return new WeeklyRule("site", day, Kind.WORK, LocalTime.parse(start), LocalTime.parse(end));
    }

    private static WeeklyRule rest(DayOfWeek day, String start, String end) {
        return new WeeklyRule("site", day, Kind.BREAK, LocalTime.parse(start), LocalTime.parse(end));
    }

    private static Instant at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }

    private static String local(Instant instant) {
        return ZonedDateTime.ofInstant(instant, NEW_YORK).toLocalTime().toString();
    }
}
