package health.salus.audit.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.audit.AuditRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Volume and hours against the user's own baseline. The "today" of these tests is a fixed past
 * instant and the history lies in the days before it, so the outcome never depends on the clock.
 */
class AccessPatternMonitorTest extends MonitorTest {

    /** A Wednesday, 10:00 UTC. */
    private static final Instant TODAY_TEN = Instant.parse("2026-03-11T10:00:00Z");
    private static final Instant TODAY_THREE = Instant.parse("2026-03-11T03:00:00Z");

    @Test
    void aNormalBusyHourIsSilentButFarMoreThanTheUsualPeakAlertsOnce() {
        String clinician = unique("acct");
        recordAndSettle(history(clinician, 6, 20));
        // 55 patients: above the floor of 50 but within 3 x the usual 20 an hour
        recordAndSettle(patients(clinician, TODAY_TEN, 55));
        assertThat(alerts(AlertRule.ACCESS_VOLUME, clinician)).isEmpty();

        recordAndSettle(patients(clinician, TODAY_TEN.plusSeconds(600), 10));
        assertThat(alerts(AlertRule.ACCESS_VOLUME, clinician)).singleElement()
                .satisfies(alert -> assertThat(alert.detail()).contains("patients-last-hour=65")
                        .contains("usual-busiest-hour=20"));

        recordAndSettle(patients(clinician, TODAY_TEN.plusSeconds(900), 10));
        assertThat(alerts(AlertRule.ACCESS_VOLUME, clinician)).hasSize(1);
    }

    @Test
    void aNewUserIsJudgedAgainstTheFloorOnly() {
        String newcomer = unique("acct");
        recordAndSettle(patients(newcomer, TODAY_TEN, 50));
        assertThat(alerts(AlertRule.ACCESS_VOLUME, newcomer)).as("50 is not above the floor").isEmpty();
        recordAndSettle(patients(newcomer, TODAY_TEN.plusSeconds(60), 1));
        assertThat(alerts(AlertRule.ACCESS_VOLUME, newcomer)).hasSize(1);
    }

    @Test
    void accessAtThreeInTheMorningAlertsForADayWorkerButNotDuringTheirDay() {
        String dayWorker = unique("acct");
        String sameHabits = unique("acct");
        recordAndSettle(concat(history(dayWorker, 6, 2), history(sameHabits, 6, 2)));

        recordAndSettle(List.of(access(sameHabits, unique("pat"), TODAY_TEN.plusSeconds(300))));
        assertThat(alerts(AlertRule.ACCESS_HOURS, sameHabits)).as("an ordinary working hour").isEmpty();

        recordAndSettle(List.of(access(dayWorker, unique("pat"), TODAY_THREE.plusSeconds(120))));
        assertThat(alerts(AlertRule.ACCESS_HOURS, dayWorker)).singleElement()
                .satisfies(alert -> assertThat(alert.detail()).contains("hour-of-day=3"));
        recordAndSettle(List.of(access(dayWorker, unique("pat"), TODAY_THREE.plusSeconds(900))));
        assertThat(alerts(AlertRule.ACCESS_HOURS, dayWorker)).hasSize(1);
    }

    @Test
    void aUserWithTooLittleHistoryIsNotJudgedOnHours() {
        String newcomer = unique("acct");
        recordAndSettle(history(newcomer, 2, 2));
        recordAndSettle(List.of(access(newcomer, unique("pat"), TODAY_THREE.plusSeconds(120))));
        assertThat(alerts(AlertRule.ACCESS_HOURS, newcomer)).isEmpty();
    }

    /** {@code days} working days before today, 09:00 to 12:00, {@code perHour} patients each hour. */
    private static List<AuditRecord> history(String actor, int days, int perHour) {
        List<AuditRecord> records = new ArrayList<>();
        for (int day = 1; day <= days; day++) {
            for (int hour = 9; hour < 12; hour++) {
                Instant at = TODAY_TEN.minus(Duration.ofDays(day)).minus(Duration.ofHours(10 - hour));
                records.addAll(patients(actor, at, perHour));
            }
        }
        return records;
    }

    /** {@code count} different patients, one a second from {@code from}. */
    private static List<AuditRecord> patients(String actor, Instant from, int count) {
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(access(actor, unique("pat"), from.plusSeconds(i)));
        }
        return records;
    }

    private static List<AuditRecord> concat(List<AuditRecord> a, List<AuditRecord> b) {
        List<AuditRecord> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
