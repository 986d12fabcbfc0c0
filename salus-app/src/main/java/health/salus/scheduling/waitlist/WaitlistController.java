package health.salus.scheduling.waitlist;

import health.salus.platform.InvalidFieldsException;
import health.salus.platform.InvalidFieldsException.FieldProblem;
import health.salus.scheduling.booking.AppointmentView;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/appointments/waitlist} joins (201; 200 with the existing entry when the patient already
 * waits for the same practitioner and visit type in an overlapping window); {@code POST
 * /api/appointments/waitlist/{id}/claim} takes an offer.
 */
@RestController
class WaitlistController {

    private final Waitlist waitlist;

    WaitlistController(Waitlist waitlist) {
        this.waitlist = waitlist;
    }

    @PostMapping("/api/appointments/waitlist")
    ResponseEntity<Map<String, String>> join(@RequestBody WaitlistRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        Instant from = instant(request.from(), "from", problems);
        Instant to = instant(request.to(), "to", problems);
        if (request.practitioner() == null || request.practitioner().isBlank()) {
            problems.add(new FieldProblem("practitioner", "Required"));
        }
        if (problems.isEmpty() && !to.isAfter(from)) {
            problems.add(new FieldProblem("to", "The end of the window must be after its start"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        Waitlist.Joined joined = waitlist.join(request, from, to);
        Map<String, String> body = Map.of("id", joined.entryId(), "status", joined.status());
        // a repeated join is not an error: the patient is on the list, under the entry they already had
        return joined.created()
                ? ResponseEntity.created(URI.create("/api/appointments/waitlist/" + joined.entryId())).body(body)
                : ResponseEntity.ok(body);
    }

    @PostMapping("/api/appointments/waitlist/{id}/claim")
    ResponseEntity<AppointmentView> claim(@PathVariable String id) {
        AppointmentView booked = waitlist.claim(id);
        return ResponseEntity.created(URI.create("/api/appointments/" + booked.id())).body(booked);
    }

    private static Instant instant(String value, String field, List<FieldProblem> problems) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            problems.add(new FieldProblem(field, "Required: a date and time with offset"));
            return Instant.EPOCH;
        }
    }
}
