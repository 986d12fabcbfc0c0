package health.salus.scheduling.booking;

import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import health.salus.fhir.ResourceStore;
import health.salus.platform.InvalidFieldsException;
import health.salus.platform.InvalidFieldsException.FieldProblem;
import health.salus.scheduling.availability.AvailabilityStore;
import health.salus.scheduling.availability.Interval;
import health.salus.scheduling.availability.PractitionerCalendar;
import health.salus.scheduling.availability.SlotFinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns a booking request into a {@link Booking} or a 400 listing every field at fault: missing or
 * unparseable values, an end before the start, a time in the past or off the 5-minute grid, an
 * unknown practitioner, patient or appointment type, a site the practitioner does not work at, time
 * outside working hours, and a patient with no privacy consent on file.
 */
@Component
class BookingValidator {

    static final Set<String> VISIT_MODES = Set.of(AppointmentResources.IN_PERSON, AppointmentResources.TELEHEALTH);

    private final AvailabilityStore availability;
    private final ResourceStore store;
    private final PatientConsents consents;
    private final Clock clock;

    BookingValidator(AvailabilityStore availability, ResourceStore store, PatientConsents consents, Clock clock) {
        this.availability = availability;
        this.store = store;
        this.consents = consents;
        this.clock = clock;
    }

    Booking validate(BookingRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        String type = Optional.ofNullable(request.appointmentType()).filter(t -> !t.isBlank()).orElse("ROUTINE");
        String mode = Optional.ofNullable(request.visitMode()).filter(m -> !m.isBlank())
                .orElse(AppointmentResources.IN_PERSON);
        if (!VISIT_MODES.contains(mode)) {
            problems.add(new FieldProblem("visitMode", "Must be in-person or telehealth"));
        }
        Optional<Optional<Integer>> typeMinutes = availability.typeMinutes(type);
        if (typeMinutes.isEmpty()) {
            problems.add(new FieldProblem("appointmentType", "Unknown appointment type"));
        }
        Optional<Instant> start = instant(request.start(), "start", true, problems);
        Optional<Instant> end = instant(request.end(), "end", false, problems);
        if (start.isPresent()) {
            startProblems(start.get(), problems);
            if (end.isPresent() && !end.get().isAfter(start.get())) {
                problems.add(new FieldProblem("end", "The end must be after the start"));
            }
        }
        Optional<PractitionerCalendar> calendar = practitioner(request.practitioner(), start, problems);
        Optional<String> location = calendar.flatMap(c -> location(c, request.location(), problems));
        patient(request.patient(), problems);
        if (!problems.isEmpty() || calendar.isEmpty() || location.isEmpty() || start.isEmpty()) {
            throw new InvalidFieldsException(problems.isEmpty()
                    ? List.of(new FieldProblem("location", "Required")) : problems);
        }
        int minutes = end.map(e -> (int) Duration.between(start.get(), e).toMinutes())
                .orElse(typeMinutes.get().orElse(calendar.get().defaultMinutes()));
        if (minutes % SlotFinder.CELL.toMinutes() != 0) {
            throw InvalidFieldsException.of("end", "Visits last a multiple of 5 minutes");
        }
        Booking booking = new Booking(request.patient(), request.practitioner(), location.get(), start.get(), minutes,
                calendar.get().bufferMinutes(), type, mode);
        requireOpen(calendar.get(), booking);
        return booking;
    }

    void requireBookablePatient(String patientId) {
        List<FieldProblem> problems = new ArrayList<>();
        patient(patientId, problems);
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
    }

    /** A new time for an existing booking must pass the same time rules. */
    Booking moved(Booking booking, Instant start) {
        List<FieldProblem> problems = new ArrayList<>();
        startProblems(start, problems);
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        Booking moved = new Booking(booking.patientId(), booking.practitionerId(), booking.locationId(), start,
                booking.minutes(), booking.bufferMinutes(), booking.appointmentType(), booking.visitMode());
        PractitionerCalendar calendar = availability.calendar(booking.practitionerId(), start, moved.end())
                .orElseThrow(() -> InvalidFieldsException.of("practitioner", "No schedule for this practitioner"));
        requireOpen(calendar, moved);
        return moved;
    }

    static Optional<Instant> instant(String value, String field, boolean required, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "Required"));
            }
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "Must be a date and time with offset, e.g. 2026-03-09T09:00:00-05:00"));
            return Optional.empty();
        }
    }

    private void startProblems(Instant start, List<FieldProblem> problems) {
        if (!start.isAfter(clock.instant())) {
            problems.add(new FieldProblem("start", "The time is in the past"));
        } else if (!SlotFinder.isAligned(start)) {
            problems.add(new FieldProblem("start", "Appointments start on a 5-minute boundary"));
        }
    }

    private void requireOpen(PractitionerCalendar calendar, Booking booking) {
        if (!SlotFinder.isOpen(calendar, booking.locationId(), new Interval(booking.start(), booking.end()))) {
            throw InvalidFieldsException.of("start", "Outside the practitioner's working hours at this site");
        }
    }

    private Optional<PractitionerCalendar> practitioner(String id, Optional<Instant> start, List<FieldProblem> problems) {
        if (id == null || id.isBlank()) {
            problems.add(new FieldProblem("practitioner", "Required"));
            return Optional.empty();
        }
        Instant from = start.orElse(clock.instant());
        Optional<PractitionerCalendar> calendar = availability.calendar(id, from, from.plus(Duration.ofDays(1)));
        if (calendar.isEmpty() || !exists("Practitioner", id)) {
            problems.add(new FieldProblem("practitioner", "Unknown practitioner or no schedule"));
            return Optional.empty();
        }
        return calendar;
    }

    private Optional<String> location(PractitionerCalendar calendar, String requested, List<FieldProblem> problems) {
        Set<String> sites = calendar.zones().keySet();
        if (requested == null || requested.isBlank()) {
            if (sites.size() == 1) {
                return Optional.of(sites.iterator().next());
            }
            problems.add(new FieldProblem("location", "Required: the practitioner works at several sites"));
            return Optional.empty();
        }
        if (!sites.contains(requested)) {
            problems.add(new FieldProblem("location", "The practitioner does not work at this site"));
            return Optional.empty();
        }
        return Optional.of(requested);
    }

    private void patient(String id, List<FieldProblem> problems) {
        if (id == null || id.isBlank()) {
            problems.add(new FieldProblem("patient", "Required"));
        } else if (!exists("Patient", id)) {
            problems.add(new FieldProblem("patient", "Unknown patient"));
        } else if (!consents.hasActivePrivacyConsent(id)) {
            problems.add(new FieldProblem("patient", "The patient has no active privacy consent on file"));
        }
    }

    /** Read as the caller: a patient the caller may not see is refused (403), not reported as unknown. */
    private boolean exists(String type, String id) {
        try {
            store.read(type, id);
            return true;
        } catch (ResourceNotFoundException | ResourceGoneException e) {
            return false;
        }
    }
}
