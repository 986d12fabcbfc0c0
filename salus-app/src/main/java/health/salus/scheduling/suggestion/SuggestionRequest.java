package health.salus.scheduling.suggestion;

import java.util.List;

/**
 * {@code POST /api/appointments/suggestions}: the patient, the kind of visit (HL7 v2-0276, default
 * ROUTINE), whose time (a practitioner, a specialty and/or a site; at least one), the window {@code from}
 * … {@code to} (ISO-8601 with offset), {@code urgency} routine|soon|urgent (default routine), and the
 * patient's preferred days ({@code MONDAY} …) and times of day ({@code {"start":"08:00","end":"12:00"}},
 * local to the site).
 */
public record SuggestionRequest(String patientId, String appointmentType, String practitionerId, String specialty,
        String locationId, String from, String to, String urgency, List<String> preferredDays,
        List<TimeRange> preferredTimes) {

    /** A time of day range, HH:mm local to the site, end after start. */
    public record TimeRange(String start, String end) {
    }
}
