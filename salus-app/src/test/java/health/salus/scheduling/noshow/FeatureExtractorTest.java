package health.salus.scheduling.noshow;

import static health.salus.scheduling.noshow.AppointmentRecord.Outcome.ATTENDED;
import static health.salus.scheduling.noshow.AppointmentRecord.Outcome.CANCELLED;
import static health.salus.scheduling.noshow.AppointmentRecord.Outcome.NO_SHOW;
import static health.salus.scheduling.noshow.AppointmentRecord.Outcome.OPEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final double BASE = 0.2;
    private final FeatureExtractor extractor = new FeatureExtractor(BASE);

    @Test
    void aNoShowWhoseOutcomeWasNotYetKnownWhenTheVisitWasBookedDoesNotCount() {
        AppointmentRecord missedLater = visit("a1", "p1", "dr1", "2025-03-10T14:00:00Z", "2025-03-01T10:00:00Z", NO_SHOW);
        // booked on 5 March, before the 10 March no-show happened
        AppointmentRecord target = visit("a2", "p1", "dr1", "2025-03-20T14:00:00Z", "2025-03-05T10:00:00Z", ATTENDED);

        NoShowFeatures features = extractor.featuresAt(target, List.of(missedLater, target), target.bookedAt());

        assertThat(features.patientNoShows()).isZero();
        assertThat(features.patientVisits()).isZero();
        assertThat(features.newPatient()).isTrue();
        assertThat(features.patientNoShowRate()).isEqualTo(BASE);
    }

    @Test
    void theTrainingSetSeesEachAppointmentsHistoryOnlyAsOfItsOwnBooking() {
        AppointmentRecord first = visit("a1", "p1", "dr1", "2025-03-10T14:00:00Z", "2025-03-01T10:00:00Z", NO_SHOW);
        AppointmentRecord bookedBefore = visit("a2", "p1", "dr1", "2025-03-20T14:00:00Z", "2025-03-05T10:00:00Z", ATTENDED);
        AppointmentRecord bookedAfter = visit("a3", "p1", "dr1", "2025-03-25T14:00:00Z", "2025-03-12T10:00:00Z", ATTENDED);

        List<FeatureExtractor.LabelledFeatures> rows = extractor.trainingSet(List.of(bookedAfter, first, bookedBefore));

        assertThat(rows).extracting(r -> r.appointment().appointmentId()).containsExactly("a1", "a2", "a3");
        assertThat(rows).extracting(FeatureExtractor.LabelledFeatures::noShow).containsExactly(true, false, false);
        assertThat(rows.get(1).features().patientNoShows()).isZero();
        assertThat(rows.get(2).features().patientNoShows()).isEqualTo(1);
        assertThat(rows.get(2).features().patientVisits()).isEqualTo(1);
        // smoothed: (1 missed + 0.2 × 2 pseudo-visits) / (1 + 2)
        assertThat(rows.get(2).features().patientNoShowRate()).isCloseTo(1.4 / 3, within(1e-9));
    }

    @Test
    void cancelledAndOpenAppointmentsNeitherTeachNorCount() {
        AppointmentRecord cancelled = visit("a1", "p1", "dr1", "2025-01-10T14:00:00Z", "2025-01-01T10:00:00Z", CANCELLED);
        AppointmentRecord open = visit("a2", "p1", "dr1", "2025-01-12T14:00:00Z", "2025-01-01T10:00:00Z", OPEN);
        AppointmentRecord target = visit("a3", "p1", "dr1", "2025-02-20T14:00:00Z", "2025-02-05T10:00:00Z", ATTENDED);

        assertThat(extractor.trainingSet(List.of(cancelled, open, target))).hasSize(1);
        assertThat(extractor.featuresAt(target, List.of(cancelled, open), target.bookedAt()).patientVisits()).isZero();
    }

    @Test
    void daysSinceLastVisitCountFromTheLastAttendedVisitNotTheLastMissedOne() {
        AppointmentRecord attended = visit("a1", "p1", "dr1", "2025-01-01T14:00:00Z", "2024-12-20T10:00:00Z", ATTENDED);
        AppointmentRecord missed = visit("a2", "p1", "dr1", "2025-01-21T14:00:00Z", "2025-01-10T10:00:00Z", NO_SHOW);
        AppointmentRecord target = visit("a3", "p1", "dr2", "2025-01-31T14:30:00Z", "2025-01-25T10:00:00Z", OPEN);

        NoShowFeatures features = extractor.featuresAt(target, List.of(attended, missed), target.bookedAt());

        assertThat(features.daysSinceLastVisit()).isCloseTo(30, within(0.1));
        assertThat(features.patientNoShows()).isEqualTo(1);
        assertThat(features.patientVisits()).isEqualTo(2);
    }

    @Test
    void providerRateUsesEveryPatientOfThatPractitionerOnly() {
        AppointmentRecord other = visit("a1", "p2", "dr1", "2025-01-01T14:00:00Z", "2024-12-20T10:00:00Z", NO_SHOW);
        AppointmentRecord elsewhere = visit("a2", "p3", "dr2", "2025-01-01T15:00:00Z", "2024-12-20T10:00:00Z", NO_SHOW);
        AppointmentRecord target = visit("a3", "p1", "dr1", "2025-01-31T14:30:00Z", "2025-01-25T10:00:00Z", OPEN);

        NoShowFeatures features = extractor.featuresAt(target, List.of(other, elsewhere), target.bookedAt());

        assertThat(features.providerNoShowRate()).isCloseTo((1 + BASE * 20) / 21, within(1e-9));
    }

    @Test
    void timeFeaturesAreReadInTheClinicsZone() {
        // 13:30 UTC on Monday 2 June 2025 is 09:30 in New York; booked 10 days and 12 hours before
        AppointmentRecord target = visit("a1", "p1", "dr1", "2025-06-02T13:30:00Z", "2025-05-23T01:30:00Z", OPEN);

        NoShowFeatures features = extractor.featuresAt(target, List.of(), target.bookedAt());

        assertThat(features.hour()).isEqualTo(9);
        assertThat(features.weekday()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(features.weekend()).isFalse();
        assertThat(features.leadDays()).isCloseTo(10.5, within(1e-9));
        assertThat(features.durationMinutes()).isEqualTo(30);
        assertThat(features.visitType()).isEqualTo("ROUTINE");
        assertThat(features.visitComplexity()).isEqualTo(2);
        assertThat(features.daysSinceLastVisit()).isEqualTo(-1);
    }

    @Test
    void anAppointmentWithoutABookingTimeCountsAsBookedWhenItStarted() {
        AppointmentRecord walkIn = new AppointmentRecord("a1", "p1", "dr1", Instant.parse("2025-06-02T13:30:00Z"), ZONE,
                null, Duration.ofMinutes(15), "WALKIN", OPEN);

        assertThat(walkIn.bookedAt()).isEqualTo(walkIn.start());
        assertThat(extractor.featuresAt(walkIn, List.of(), walkIn.start()).leadDays()).isZero();
    }

    static AppointmentRecord visit(String id, String patient, String practitioner, String start, String booked,
            AppointmentRecord.Outcome outcome) {
        return new AppointmentRecord(id, patient, practitioner, Instant.parse(start), ZONE, Instant.parse(booked),
                Duration.ofMinutes(30), "routine", outcome);
    }
}
