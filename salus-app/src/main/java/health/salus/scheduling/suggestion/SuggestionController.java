package health.salus.scheduling.suggestion;

import health.salus.platform.InvalidFieldsException;
import health.salus.platform.InvalidFieldsException.FieldProblem;
import health.salus.scheduling.availability.SlotQuery;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/appointments/suggestions}: the best free slot for a patient, two alternatives and a
 * confidence, each with its reasons. It only suggests: staff book the slot they choose (the suggested one
 * or any other) with {@code POST /api/appointments}. A 400 lists every field at fault.
 */
@RestController
class SuggestionController {

    private final SlotSuggestions suggestions;
    private final SuggestionProperties properties;

    SuggestionController(SlotSuggestions suggestions, SuggestionProperties properties) {
        this.suggestions = suggestions;
        this.properties = properties;
    }

    @PostMapping("/api/appointments/suggestions")
    Suggestions suggest(@RequestBody SuggestionRequest request) {
        return suggestions.suggest(parse(request));
    }

    SuggestionQuery parse(SuggestionRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (blank(request.patientId())) {
            problems.add(new FieldProblem("patientId", "Required"));
        }
        Optional<String> practitioner = present(request.practitionerId());
        Optional<String> specialty = present(request.specialty());
        Optional<String> location = present(request.locationId());
        if (practitioner.isEmpty() && specialty.isEmpty() && location.isEmpty()) {
            problems.add(new FieldProblem("practitionerId", "Name a practitioner, a specialty or a location"));
        }
        Optional<Instant> from = instant(request.from(), "from", problems);
        Optional<Instant> to = instant(request.to(), "to", problems);
        if (from.isPresent() && to.isPresent()) {
            if (!to.get().isAfter(from.get())) {
                problems.add(new FieldProblem("to", "The end of the window must be after its start"));
            } else if (Duration.between(from.get(), to.get()).compareTo(properties.longestWindow()) > 0) {
                problems.add(new FieldProblem("to", "Ask for at most " + properties.longestWindow().toDays()
                        + " days at a time"));
            }
        }
        Optional<Urgency> urgency = Urgency.parse(request.urgency());
        if (urgency.isEmpty()) {
            problems.add(new FieldProblem("urgency", "Must be routine, soon or urgent"));
        }
        Preferences preferences = preferences(request, problems);
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        String type = present(request.appointmentType()).orElse("ROUTINE");
        return new SuggestionQuery(request.patientId().strip(), type,
                new SlotQuery(practitioner, specialty, location, from.orElseThrow(), to.orElseThrow()),
                urgency.orElseThrow(), preferences);
    }

    private static Preferences preferences(SuggestionRequest request, List<FieldProblem> problems) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        List<String> requestedDays = request.preferredDays() == null ? List.of() : request.preferredDays();
        for (int i = 0; i < requestedDays.size(); i++) {
            try {
                days.add(DayOfWeek.valueOf(String.valueOf(requestedDays.get(i)).strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("preferredDays[" + i + "]", "Must be a day such as MONDAY"));
            }
        }
        List<Preferences.TimeOfDay> times = new ArrayList<>();
        List<SuggestionRequest.TimeRange> requestedTimes = request.preferredTimes() == null ? List.of()
                : request.preferredTimes();
        for (int i = 0; i < requestedTimes.size(); i++) {
            SuggestionRequest.TimeRange range = requestedTimes.get(i);
            try {
                LocalTime start = LocalTime.parse(range.start());
                LocalTime end = LocalTime.parse(range.end());
                if (!end.isAfter(start)) {
                    problems.add(new FieldProblem("preferredTimes[" + i + "].end", "Must be after the start"));
                } else {
                    times.add(new Preferences.TimeOfDay(start, end));
                }
            } catch (DateTimeParseException | NullPointerException e) {
                problems.add(new FieldProblem("preferredTimes[" + i + "]", "Start and end as HH:mm"));
            }
        }
        return new Preferences(days, times);
    }

    private static Optional<Instant> instant(String value, String field, List<FieldProblem> problems) {
        if (blank(value)) {
            problems.add(new FieldProblem(field, "Required"));
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "Must be a date and time with offset"));
            return Optional.empty();
        }
    }

    private static Optional<String> present(String value) {
        return blank(value) ? Optional.empty() : Optional.of(value.strip());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
