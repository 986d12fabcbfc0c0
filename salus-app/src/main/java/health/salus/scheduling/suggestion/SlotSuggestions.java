package health.salus.scheduling.suggestion;

import health.salus.platform.InvalidFieldsException;
import health.salus.scheduling.availability.AvailabilityStore;
import health.salus.scheduling.availability.FreeSlot;
import health.salus.scheduling.availability.PractitionerCalendar;
import health.salus.scheduling.availability.SlotQuery;
import health.salus.scheduling.availability.SlotSearch;
import health.salus.scheduling.booking.Appointments;
import health.salus.scheduling.noshow.AppointmentRecord;
import health.salus.scheduling.noshow.SlotRiskForecast;
import health.salus.scheduling.noshow.SlotRiskForecast.Forecaster;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;

/**
 * Suggests slots for a patient: finds the free slots, gathers what the scorer needs about each (the
 * patient's preferences, usual practitioner, the practitioner's load that day, the patient's predicted
 * no-show risk there and whether the slot would be hard to refill) and lets {@link SlotScorer} rank them.
 * The patient and their appointments are read as the caller, so the access policy decides (403).
 */
@Service
public class SlotSuggestions {

    private static final Logger LOG = LoggerFactory.getLogger(SlotSuggestions.class);

    private final SlotSearch search;
    private final AvailabilityStore availability;
    private final Appointments appointments;
    private final SlotRiskForecast forecast;
    private final SuggestionProperties properties;
    private final SlotScorer scorer;
    private final Clock clock;

    SlotSuggestions(SlotSearch search, AvailabilityStore availability, Appointments appointments,
            SlotRiskForecast forecast, SuggestionProperties properties, Clock clock) {
        this.search = search;
        this.availability = availability;
        this.appointments = appointments;
        this.forecast = forecast;
        this.properties = properties;
        this.scorer = new SlotScorer(properties);
        this.clock = clock;
    }

    Suggestions suggest(SuggestionQuery query) {
        SlotQuery slots = query.slots();
        if (slots.practitionerId().isPresent()
                && availability.calendar(slots.practitionerId().get(), slots.from(), slots.to()).isEmpty()) {
            throw InvalidFieldsException.of("practitionerId", "Unknown practitioner or no schedule");
        }
        if (availability.typeMinutes(query.appointmentType()).isEmpty()) {
            throw InvalidFieldsException.of("appointmentType", "Unknown appointment type");
        }
        requireBookablePatient(query.patientId());
        List<AppointmentRecord> history = forecast.patientHistory(query.patientId());
        List<FreeSlot> free = search.find(slots, query.appointmentType(), properties.candidateLimit());
        Instant now = clock.instant();
        DayFacts days = new DayFacts(calendars(slots), properties.refillNotice(), now);
        Optional<Forecaster> forecaster = free.isEmpty() ? Optional.empty()
                : forecast.forecaster(query.patientId(), history, free.stream().map(FreeSlot::practitionerId)
                        .collect(Collectors.toCollection(TreeSet::new)));
        Instant windowStart = slots.from().isAfter(now) ? slots.from() : now;
        List<CandidateFacts> candidates = free.stream().map(slot -> days.facts(slot,
                earliness(slot.start(), windowStart, slots.to()),
                forecaster.map(f -> f.risk(slot.practitionerId(), slot.start(), Duration.between(slot.start(),
                        slot.end()), query.appointmentType()).probability()))).toList();
        SlotScorer.Context context = new SlotScorer.Context(query.preferences(), query.urgency(),
                usualProvider(history, now), forecaster.map(Forecaster::highRiskThreshold).orElse(1.0));
        Suggestions suggestions = scorer.suggest(candidates, context);
        LOG.info("Slot suggestion for patient {}: {} candidates, confidence {}", query.patientId(),
                suggestions.considered(), suggestions.confidence());
        return suggestions;
    }

    /** Booking's patient check (403 when the caller may not see them), reported under this API's field name. */
    private void requireBookablePatient(String patientId) {
        try {
            appointments.requireBookablePatient(patientId);
        } catch (InvalidFieldsException e) {
            throw new InvalidFieldsException(e.problems().stream()
                    .map(p -> new InvalidFieldsException.FieldProblem("patientId", p.message())).toList());
        }
    }

    /**
     * The practitioner the patient attended most; among equals the one seen last, then the lowest id.
     * Empty for a patient without attended visits.
     */
    static Optional<String> usualProvider(List<AppointmentRecord> history, Instant now) {
        Map<String, List<AppointmentRecord>> attended = history.stream()
                .filter(a -> a.outcome() == AppointmentRecord.Outcome.ATTENDED && a.start().isBefore(now))
                .collect(Collectors.groupingBy(AppointmentRecord::practitionerId));
        Comparator<Map.Entry<String, List<AppointmentRecord>>> most = Comparator
                .comparingInt((Map.Entry<String, List<AppointmentRecord>> e) -> e.getValue().size())
                .thenComparing(e -> e.getValue().stream().map(AppointmentRecord::start).max(Comparator.naturalOrder())
                        .orElse(Instant.MIN))
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder());
        return attended.entrySet().stream().max(most).map(Map.Entry::getKey);
    }

    /** 1 at the start of the window still ahead, 0 at its end. */
    static double earliness(Instant start, Instant windowStart, Instant windowEnd) {
        long window = Duration.between(windowStart, windowEnd).toSeconds();
        if (window <= 0) {
            return 1;
        }
        double elapsed = Duration.between(windowStart, start).toSeconds();
        return Math.max(0, Math.min(1, 1 - elapsed / window));
    }

    /** Calendars with a day's margin on each side, so the load of a whole local day is known. */
    private Map<String, PractitionerCalendar> calendars(SlotQuery slots) {
        SlotQuery wholeDays = new SlotQuery(slots.practitionerId(), slots.specialty(), slots.locationId(),
                slots.from().minus(Duration.ofDays(1)), slots.to().plus(Duration.ofDays(1)));
        return availability.calendars(wholeDays).stream()
                .collect(Collectors.toMap(PractitionerCalendar::practitionerId, Function.identity(), (a, b) -> a,
                        HashMap::new));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SuggestionProperties.class)
    static class SuggestionConfiguration {
    }
}
