package health.salus.scheduling.waitlist;

import java.time.Instant;
import java.util.Optional;

/** A patient waiting for time with a practitioner within a window; ids and codes only. */
record WaitlistEntry(String entryId, String patientId, String practitionerId, Optional<String> locationId,
        String appointmentType, String visitMode, Instant windowStart, Instant windowEnd, String status,
        Optional<String> reservationId) {
}
