package health.salus.scheduling.availability;

import health.salus.platform.InvalidFieldsException;
import health.salus.platform.InvalidFieldsException.FieldProblem;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/appointments/slots}: free slots (no patient data, so any signed-in caller may look)
 * for {@code practitioner}, {@code specialty} and/or {@code location} between {@code from} and {@code to}.
 */
@RestController
class SlotController {

    private final SlotSearch search;

    SlotController(SlotSearch search) {
        this.search = search;
    }

    @GetMapping("/api/appointments/slots")
    List<FreeSlot> slots(@RequestParam Optional<String> practitioner, @RequestParam Optional<String> specialty,
            @RequestParam Optional<String> location, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "ROUTINE") String appointmentType,
            @RequestParam(defaultValue = "100") int limit) {
        List<FieldProblem> problems = new ArrayList<>();
        Instant since = instant(from, "from", problems);
        Instant until = instant(to, "to", problems);
        if (practitioner.isEmpty() && specialty.isEmpty() && location.isEmpty()) {
            problems.add(new FieldProblem("practitioner", "Name a practitioner, a specialty or a location"));
        }
        if (limit < 1 || limit > 1000) {
            problems.add(new FieldProblem("limit", "Between 1 and 1000"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return search.find(new SlotQuery(practitioner, specialty, location, since, until), appointmentType, limit);
    }

    private static Instant instant(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "Required"));
            return Instant.EPOCH;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "Must be a date and time with offset"));
            return Instant.EPOCH;
        }
    }
}
