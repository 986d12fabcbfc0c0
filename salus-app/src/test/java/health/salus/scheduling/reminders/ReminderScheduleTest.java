package health.salus.scheduling.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Which reminders a booking gets depends on how far ahead it is: none whose time has passed. */
class ReminderScheduleTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @Test
    void aVisitBookedThreeHoursAheadGetsOnlyTheTwoHourText() {
        assertThat(scheduledFor(NOW.plus(Duration.ofHours(3)))).containsExactly("a1/sms-2h/"
                + NOW.plus(Duration.ofHours(3)).toEpochMilli() + " at " + NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void aVisitBookedAnHourAheadGetsNoReminderAndOneTwoDaysAheadGetsAllThree() {
        Instant later = NOW.plus(Duration.ofDays(2));

        assertThat(scheduledFor(NOW.plus(Duration.ofHours(1)))).isEmpty();
        assertThat(scheduledFor(later)).containsExactly(
                "a1/email-24h/" + later.toEpochMilli() + " at " + later.minus(Duration.ofHours(24)),
                "a1/sms-24h/" + later.toEpochMilli() + " at " + later.minus(Duration.ofHours(24)),
                "a1/sms-2h/" + later.toEpochMilli() + " at " + later.minus(Duration.ofHours(2)));
    }

    @Test
    void theExtraReminderComesThreeDaysAheadOrAtOnceWhenThatIsPast() {
        SchedulerClient scheduler = mock(SchedulerClient.class);
        ReminderSchedule schedule = new ReminderSchedule(scheduler, Clock.fixed(NOW, ZoneOffset.UTC));

        schedule.scheduleExtra("a1", NOW.plus(Duration.ofDays(5)));
        schedule.scheduleExtra("a2", NOW.plus(Duration.ofDays(1)));
        schedule.scheduleExtra("a3", NOW.minus(Duration.ofHours(1)));   // already begun: nothing

        assertThat(captured(scheduler)).containsExactly(
                "a1/extra/" + NOW.plus(Duration.ofDays(5)).toEpochMilli() + " at " + NOW.plus(Duration.ofDays(2)),
                "a2/extra/" + NOW.plus(Duration.ofDays(1)).toEpochMilli() + " at " + NOW);
    }

    private static List<String> scheduledFor(Instant start) {
        SchedulerClient scheduler = mock(SchedulerClient.class);
        new ReminderSchedule(scheduler, Clock.fixed(NOW, ZoneOffset.UTC)).schedule("a1", start);
        return captured(scheduler);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<String> captured(SchedulerClient scheduler) {
        ArgumentCaptor<SchedulableInstance> instances = ArgumentCaptor.forClass(SchedulableInstance.class);
        verify(scheduler, atLeast(0)).scheduleIfNotExists(instances.capture());
        return instances.getAllValues().stream().map(i -> i.getId() + " at " + i.getNextExecutionTime(NOW)).toList();
    }
}
