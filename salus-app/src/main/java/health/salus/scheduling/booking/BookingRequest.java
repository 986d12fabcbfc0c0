package health.salus.scheduling.booking;

/**
 * {@code POST /api/appointments}: FHIR ids of patient, practitioner and (optional when the practitioner
 * works at one site) location; {@code start} (and optionally {@code end}) as ISO-8601 with offset;
 * {@code appointmentType} an HL7 v2-0276 code (default ROUTINE); {@code visitMode} in-person or telehealth.
 */
public record BookingRequest(String patient, String practitioner, String location, String start, String end,
        String appointmentType, String visitMode) {
}
