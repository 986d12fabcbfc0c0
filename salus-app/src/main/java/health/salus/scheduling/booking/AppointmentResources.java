package health.salus.scheduling.booking;

import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Reference;

/** How a booking is written as a FHIR Appointment, and read back. */
final class AppointmentResources {

    static final String IDENTIFIER_SYSTEM = "https://salus.health/fhir/sid/appointment";
    static final String VISIT_MODE_SYSTEM = "https://salus.health/fhir/CodeSystem/visit-mode";
    static final String APPOINTMENT_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v2-0276";
    static final String CANCELLATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason";
    static final String TELEHEALTH = "telehealth";
    static final String IN_PERSON = "in-person";

    private AppointmentResources() {
    }

    /** Telehealth visits are told apart by their identifier prefix (as the seed's telehealth flow does). */
    static String identifier(String visitMode, String reservationId) {
        String prefix = TELEHEALTH.equals(visitMode) ? "TEL-" : "APT-";
        return prefix + reservationId.replace("-", "").substring(0, 12).toUpperCase(java.util.Locale.ROOT);
    }

    static Appointment booked(Booking booking, String reservationId, Instant created) {
        Appointment appointment = new Appointment().setStatus(Appointment.AppointmentStatus.BOOKED);
        appointment.addIdentifier().setSystem(IDENTIFIER_SYSTEM).setValue(identifier(booking.visitMode(), reservationId));
        appointment.getAppointmentType().addCoding().setSystem(APPOINTMENT_TYPE_SYSTEM).setCode(booking.appointmentType());
        appointment.addServiceCategory().addCoding().setSystem(VISIT_MODE_SYSTEM).setCode(booking.visitMode());
        appointment.setStart(Date.from(booking.start())).setEnd(Date.from(booking.end()))
                .setMinutesDuration(booking.minutes()).setCreated(Date.from(created));
        participant(appointment, "Patient/" + booking.patientId());
        participant(appointment, "Practitioner/" + booking.practitionerId());
        participant(appointment, "Location/" + booking.locationId());
        return appointment;
    }

    static String visitMode(Appointment appointment) {
        return appointment.getServiceCategory().stream().flatMap(c -> c.getCoding().stream())
                .filter(c -> VISIT_MODE_SYSTEM.equals(c.getSystem())).map(c -> c.getCode()).findFirst()
                .orElse(IN_PERSON);
    }

    /** The id of the participant of that type (empty text when none). */
    static String actor(Appointment appointment, String resourceType) {
        return appointment.getParticipant().stream().map(p -> p.getActor().getReference())
                .filter(ref -> ref != null && ref.startsWith(resourceType + "/"))
                .map(ref -> ref.substring(resourceType.length() + 1)).findFirst().orElse("");
    }

    private static void participant(Appointment appointment, String reference) {
        appointment.addParticipant().setActor(new Reference(reference))
                .setRequired(Appointment.ParticipantRequired.REQUIRED)
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
    }
}
