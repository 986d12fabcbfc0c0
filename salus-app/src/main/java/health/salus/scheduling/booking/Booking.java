package health.salus.scheduling.booking;

import java.time.Instant;

/** A validated booking: who, with whom, where, when and what kind of visit. */
record Booking(String patientId, String practitionerId, String locationId, Instant start, int minutes,
        int bufferMinutes, String appointmentType, String visitMode) {

    Instant end() {
        return start.plusSeconds(minutes * 60L);
    }

    Instant blockedUntil() {
        return end().plusSeconds(bufferMinutes * 60L);
    }
}
