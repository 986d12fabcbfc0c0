package health.salus.scheduling.booking;

import java.time.Instant;
import java.util.Optional;

/**
 * Time a practitioner is taken for, from start to the end of the buffer ({@code blockedUntil}): a booked
 * appointment, or a hold offered to a waitlisted patient. Ids, codes and instants only.
 */
public record Reservation(String reservationId, Optional<String> appointmentId, String practitionerId,
        String locationId, String patientId, Kind kind, String status, String visitMode, Instant start,
        Instant end, Instant blockedUntil, Optional<Instant> holdExpiresAt) {

    public enum Kind { BOOKED, HOLD }
}
