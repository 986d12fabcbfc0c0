package health.salus.scheduling.booking;

import health.salus.fhir.ResourceStore;
import health.salus.fhir.SearchRequest;
import health.salus.platform.InvalidFieldsException;
import health.salus.platform.InvalidFieldsException.FieldProblem;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/appointments}: book, read, change (reschedule or status), list a patient's or a
 * provider's appointments. Reads and writes go through the resource store as the caller, so who may
 * see or book what is the access policy's decision.
 */
@RestController
@RequestMapping("/api/appointments")
class AppointmentController {

    private static final int MAX_LISTED = 200;

    private final Appointments appointments;
    private final ResourceStore store;

    AppointmentController(Appointments appointments, ResourceStore store) {
        this.appointments = appointments;
        this.store = store;
    }

    @PostMapping
    ResponseEntity<AppointmentView> book(@RequestBody BookingRequest request) {
        AppointmentView booked = appointments.book(request);
        return ResponseEntity.created(URI.create("/api/appointments/" + booked.id())).body(booked);
    }

    @GetMapping("/{id}")
    AppointmentView read(@PathVariable String id) {
        return appointments.read(id);
    }

    /** {@code {"start": …}} reschedules; {@code {"status": "arrived|noshow|fulfilled|cancelled", "cancellationReason": …}}. */
    @PutMapping("/{id}")
    AppointmentView change(@PathVariable String id, @RequestBody AppointmentChange change) {
        boolean moves = change.start() != null;
        boolean transitions = change.status() != null;
        if (moves == transitions) {
            throw InvalidFieldsException.of("status", "Send either a new start or a new status");
        }
        if (moves) {
            List<FieldProblem> problems = new ArrayList<>();
            Optional<Instant> start = BookingValidator.instant(change.start(), "start", true, problems);
            if (!problems.isEmpty()) {
                throw new InvalidFieldsException(problems);
            }
            return appointments.reschedule(id, start.orElseThrow());
        }
        AppointmentStatus target;
        try {
            target = AppointmentStatus.fromCode(change.status());
        } catch (Exception e) {
            throw InvalidFieldsException.of("status", "Must be arrived, noshow, fulfilled or cancelled");
        }
        return appointments.changeStatus(id, target, Optional.ofNullable(change.cancellationReason()));
    }

    @GetMapping
    List<AppointmentView> forPatient(@RequestParam String patient, @RequestParam Optional<String> from,
            @RequestParam Optional<String> to) {
        return search("patient", "Patient/" + patient, from, to);
    }

    @GetMapping("/provider/{practitionerId}")
    List<AppointmentView> forProvider(@PathVariable String practitionerId, @RequestParam Optional<String> from,
            @RequestParam Optional<String> to) {
        return search("practitioner", "Practitioner/" + practitionerId, from, to);
    }

    private List<AppointmentView> search(String param, String reference, Optional<String> from, Optional<String> to) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Instant> since = BookingValidator.instant(from.orElse(null), "from", false, problems);
        Optional<Instant> until = BookingValidator.instant(to.orElse(null), "to", false, problems);
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        List<String> dates = new ArrayList<>();
        since.ifPresent(s -> dates.add("ge" + s));
        until.ifPresent(u -> dates.add("lt" + u));
        Map<String, List<String>> parameters = new java.util.HashMap<>(Map.of(param, List.of(reference),
                "_sort", List.of("date"), "_count", List.of(String.valueOf(MAX_LISTED))));
        if (!dates.isEmpty()) {
            parameters.put("date", dates);
        }
        List<Resource> matches = store.search(new SearchRequest("Appointment", parameters)).matches();
        return matches.stream().map(r -> AppointmentView.of((Appointment) r)).toList();
    }

    record AppointmentChange(String start, String status, String cancellationReason) {
    }
}
