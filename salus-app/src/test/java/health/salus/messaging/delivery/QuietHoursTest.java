package health.salus.messaging.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Quiet hours on the patient's wall clock, across midnight and DST changes. */
class QuietHoursTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), NEW_YORK);
    private static final QuietHours LUNCH = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 30), NEW_YORK);

    @Test
    void aMessageDueInsideDaytimeQuietHoursIsHeldUntilTheyEndAndOneOutsideIsNot() {
        // 12:15 EDT on 10 June = 16:15Z; the end 13:30 EDT = 17:30Z
        assertThat(LUNCH.heldUntil(Instant.parse("2026-06-10T16:15:00Z"))).contains(Instant.parse("2026-06-10T17:30:00Z"));
        assertThat(LUNCH.heldUntil(Instant.parse("2026-06-10T17:30:00Z"))).isEmpty();
        assertThat(LUNCH.heldUntil(Instant.parse("2026-06-10T15:59:00Z"))).isEmpty();
    }

    @Test
    void quietHoursSpanningMidnightHoldEveningMessagesUntilNextMorningAndEarlyOnesUntilThisMorning() {
        // 22:00 EDT on 10 June (02:00Z on the 11th) → 08:00 EDT on the 11th (12:00Z)
        assertThat(NIGHT.heldUntil(Instant.parse("2026-06-11T02:00:00Z"))).contains(Instant.parse("2026-06-11T12:00:00Z"));
        // 06:00 EDT on the 11th (10:00Z) → 08:00 the same morning
        assertThat(NIGHT.heldUntil(Instant.parse("2026-06-11T10:00:00Z"))).contains(Instant.parse("2026-06-11T12:00:00Z"));
        // 20:59 EDT and 08:00 EDT are outside
        assertThat(NIGHT.heldUntil(Instant.parse("2026-06-11T00:59:00Z"))).isEmpty();
        assertThat(NIGHT.heldUntil(Instant.parse("2026-06-11T12:00:00Z"))).isEmpty();
    }

    @Test
    void theEndFollowsTheWallClockAcrossTheSpringForwardNight() {
        // 23:00 EST on 7 March 2026 (04:00Z on the 8th); clocks go forward at 02:00 on the 8th,
        // so 08:00 that morning is EDT = 12:00Z, not 13:00Z
        assertThat(NIGHT.heldUntil(Instant.parse("2026-03-08T04:00:00Z"))).contains(Instant.parse("2026-03-08T12:00:00Z"));
    }

    @Test
    void theEndFollowsTheWallClockAcrossTheFallBackNight() {
        // 23:00 EDT on 31 October 2026 (03:00Z on 1 November); back to EST at 02:00, so 08:00 is 13:00Z
        assertThat(NIGHT.heldUntil(Instant.parse("2026-11-01T03:00:00Z"))).contains(Instant.parse("2026-11-01T13:00:00Z"));
        // 01:30 happens twice that night; either way it is quiet until 08:00 EST
        assertThat(NIGHT.heldUntil(Instant.parse("2026-11-01T05:30:00Z"))).contains(Instant.parse("2026-11-01T13:00:00Z"));
        assertThat(NIGHT.heldUntil(Instant.parse("2026-11-01T06:30:00Z"))).contains(Instant.parse("2026-11-01T13:00:00Z"));
    }

    @Test
    void anEndInsideTheSpringForwardGapIsTheFirstInstantAfterIt() {
        QuietHours untilHalfPastTwo = new QuietHours(LocalTime.of(1, 0), LocalTime.of(2, 30), NEW_YORK);
        // 01:30 EST on 8 March (06:30Z); 02:30 does not exist that day, 03:30 EDT (07:30Z) is when it ends
        assertThat(untilHalfPastTwo.heldUntil(Instant.parse("2026-03-08T06:30:00Z")))
                .contains(Instant.parse("2026-03-08T07:30:00Z"));
    }

    @Test
    void equalStartAndEndMeanNoQuietHours() {
        QuietHours none = new QuietHours(LocalTime.of(9, 0), LocalTime.of(9, 0), NEW_YORK);
        assertThat(none.heldUntil(Instant.parse("2026-06-10T13:00:00Z"))).isEmpty();
    }
}
