package health.salus.scheduling.noshow;

import health.salus.fhir.ResourceStore;
import health.salus.fhir.SearchPage;
import health.salus.fhir.SearchRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Reads appointments from the store and folds them into {@link AppointmentRecord}s. Callers decide
 * who reads: the training job and risk assessment run inside {@code SystemAccess.call}.
 */
@Component
class AppointmentHistory {

    private static final int PAGE_SIZE = 500;

    private final ResourceStore store;
    private final ZoneId clinicZone;

    AppointmentHistory(ResourceStore store, NoShowProperties properties) {
        this.store = store;
        this.clinicZone = properties.clinicZone();
    }

    /** Every appointment that started since {@code since}: the training history. */
    List<AppointmentRecord> startedSince(Instant since) {
        return all(Map.of("date", List.of("ge" + since)));
    }

    /** Booked appointments starting between the two instants: what the daily sweep assesses. */
    List<AppointmentRecord> bookedBetween(Instant from, Instant to) {
        return all(Map.of("status", List.of("booked"), "date", List.of("ge" + from, "le" + to)));
    }

    /** The patient's and the practitioner's appointments: what one prediction needs. */
    List<AppointmentRecord> around(AppointmentRecord appointment) {
        Map<String, AppointmentRecord> byId = new LinkedHashMap<>();
        all(Map.of("patient", List.of("Patient/" + appointment.patientId())))
                .forEach(a -> byId.put(a.appointmentId(), a));
        all(Map.of("practitioner", List.of("Practitioner/" + appointment.practitionerId())))
                .forEach(a -> byId.put(a.appointmentId(), a));
        return List.copyOf(byId.values());
    }

    /** The patient's appointments: their own no-show record and who they usually see. */
    List<AppointmentRecord> ofPatient(String patientId) {
        return all(Map.of("patient", List.of("Patient/" + patientId)));
    }

    /** The practitioner's appointments that started since {@code since}: their no-show rate. */
    List<AppointmentRecord> ofPractitionerSince(String practitionerId, Instant since) {
        return all(Map.of("practitioner", List.of("Practitioner/" + practitionerId), "date", List.of("ge" + since)));
    }

    Optional<AppointmentRecord> read(String appointmentId) {
        return record((Appointment) store.read("Appointment", appointmentId));
    }

    private List<AppointmentRecord> all(Map<String, List<String>> criteria) {
        List<AppointmentRecord> records = new ArrayList<>();
        int offset = 0;
        while (true) {
            Map<String, List<String>> params = new LinkedHashMap<>(criteria);
            params.put("_count", List.of(String.valueOf(PAGE_SIZE)));
            params.put("_offset", List.of(String.valueOf(offset)));
            params.put("_sort", List.of("_id"));
            params.put("_total", List.of("none"));
            SearchPage page = store.search(new SearchRequest("Appointment", params));
            for (Resource resource : page.matches()) {
                record((Appointment) resource).ifPresent(records::add);
            }
            if (!page.hasNext() || page.matches().isEmpty()) {
                return records;
            }
            offset += page.matches().size();
        }
    }

    /** Empty for appointments the model cannot use: no patient, practitioner or start, or entered in error. */
    Optional<AppointmentRecord> record(Appointment appointment) {
        Optional<String> patient = actor(appointment, "Patient");
        Optional<String> practitioner = actor(appointment, "Practitioner");
        if (patient.isEmpty() || practitioner.isEmpty() || appointment.getStart() == null
                || appointment.getStatus() == Appointment.AppointmentStatus.ENTEREDINERROR) {
            return Optional.empty();
        }
        Instant start = appointment.getStart().toInstant();
        Duration duration = appointment.getEnd() != null
                ? Duration.between(start, appointment.getEnd().toInstant())
                : Duration.ofMinutes(Math.max(appointment.getMinutesDuration(), 0));
        Instant created = appointment.getCreated() == null ? null : appointment.getCreated().toInstant();
        String visitType = appointment.getAppointmentType().getCoding().stream()
                .map(c -> c.getCode()).filter(c -> c != null).findFirst().orElse(null);
        return Optional.of(new AppointmentRecord(appointment.getIdElement().getIdPart(), patient.get(),
                practitioner.get(), start, clinicZone, created, duration.isNegative() ? Duration.ZERO : duration,
                VisitTypes.normalise(visitType), outcome(appointment.getStatus())));
    }

    private static AppointmentRecord.Outcome outcome(Appointment.AppointmentStatus status) {
        if (status == null) {
            return AppointmentRecord.Outcome.OPEN;
        }
        return switch (status) {
            case FULFILLED, ARRIVED, CHECKEDIN -> AppointmentRecord.Outcome.ATTENDED;
            case NOSHOW -> AppointmentRecord.Outcome.NO_SHOW;
            case CANCELLED -> AppointmentRecord.Outcome.CANCELLED;
            default -> AppointmentRecord.Outcome.OPEN;
        };
    }

    private static Optional<String> actor(Appointment appointment, String type) {
        return appointment.getParticipant().stream()
                .map(Appointment.AppointmentParticipantComponent::getActor)
                .map(Reference::getReferenceElement)
                .filter(id -> type.equals(id.getResourceType()) && id.getIdPart() != null)
                .map(id -> id.getIdPart())
                .findFirst();
    }
}
