package health.salus.scheduling.waitlist;

/** {@code POST /api/appointments/waitlist}: who waits for whom (optionally where), and the window (ISO with offset). */
public record WaitlistRequest(String patient, String practitioner, String location, String from, String to,
        String appointmentType, String visitMode) {
}
