package health.salus.scheduling.noshow;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * One appointment as the no-show model sees it: ids, times, type and outcome, nothing identifying.
 * {@code bookedAt} is when the appointment was made (FHIR {@code Appointment.created}); the model
 * predicts at that moment, so only outcomes known by then may feed its features.
 */
public record AppointmentRecord(String appointmentId, String patientId, String practitionerId,
        Instant start, ZoneId zone, Instant bookedAt, Duration duration, String visitType, Outcome outcome) {

    /** What became of the appointment (FHIR {@code Appointment.status}, folded to what the model needs). */
    public enum Outcome {
        /** attended (fulfilled, arrived, checked-in) */
        ATTENDED,
        NO_SHOW,
        CANCELLED,
        /** not yet happened: booked, pending, proposed */
        OPEN
    }

    public AppointmentRecord {
        Objects.requireNonNull(appointmentId, "appointmentId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(visitType, "visitType");
        Objects.requireNonNull(outcome, "outcome");
        // an appointment without a recorded booking time is treated as booked when it started (no lead time)
        bookedAt = bookedAt == null || bookedAt.isAfter(start) ? start : bookedAt;
    }

    public Instant end() {
        return start.plus(duration);
    }

    public ZonedDateTime localStart() {
        return start.atZone(zone);
    }

    /** Whether this appointment ended as attended or missed, i.e. can teach the model something. */
    public boolean settled() {
        return outcome == Outcome.ATTENDED || outcome == Outcome.NO_SHOW;
    }
}
