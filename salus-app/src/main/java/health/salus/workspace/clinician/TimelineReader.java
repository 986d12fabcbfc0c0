package health.salus.workspace.clinician;

import health.salus.web.DisplayText;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.springframework.stereotype.Component;

/**
 * The care timeline across the years: encounters, results (laboratory observations and reports),
 * medication orders and documents, each searched only when its kind is asked for and the user's role may
 * search it, merged newest first and grouped by year in the user's zone.
 */
@Component
class TimelineReader {

    private final PatientChart chart;
    private final People people;

    TimelineReader(PatientChart chart, People people) {
        this.chart = chart;
        this.people = people;
    }

    private record Dated(Instant at, Timeline.Entry entry) {
    }

    /** The kinds asked for (all when none or none valid), in the filter's order. */
    static Set<String> kinds(List<String> asked) {
        Set<String> kinds = Timeline.KINDS.stream().filter(asked::contains)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return kinds.isEmpty() ? new LinkedHashSet<>(Timeline.KINDS) : kinds;
    }

    Timeline read(String patientId, Set<String> kinds, ZoneId zone, Locale locale) {
        List<Dated> events = new ArrayList<>();
        Map<String, List<String>> newestFirst = Map.of("_sort", List.of("-date"));
        if (kinds.contains("encounter")) {
            chart.section("Encounter", patientId, newestFirst, Encounter.class, list -> list).items()
                    .forEach(e -> dated(e.getPeriod().getStartElement(), zone, locale, "encounter",
                            encounterTitle(e), detail(DisplayText.concept(e.getReasonCodeFirstRep()),
                                    e.getParticipant().stream().map(p -> people.practitioner(p.getIndividual()))
                                            .filter(s -> !s.isEmpty()).findFirst().orElse("")))
                            .ifPresent(events::add));
        }
        if (kinds.contains("result")) {
            chart.section("Observation", patientId, Map.of("category", List.of("laboratory"), "_sort", List.of("-date")),
                    Observation.class, list -> list).items().forEach(o -> dated(
                            o.hasEffectiveDateTimeType() ? o.getEffectiveDateTimeType() : null, zone, locale, "result",
                            DisplayText.concept(o.getCode()), SummaryReader.reading(o)).ifPresent(events::add));
            chart.section("DiagnosticReport", patientId, newestFirst, DiagnosticReport.class, list -> list).items()
                    .forEach(r -> dated(r.hasEffectiveDateTimeType() ? r.getEffectiveDateTimeType() : null, zone,
                            locale, "result", DisplayText.concept(r.getCode()), r.hasConclusion() ? r.getConclusion()
                                    : "").ifPresent(events::add));
        }
        if (kinds.contains("medication")) {
            chart.section("MedicationRequest", patientId, Map.of(), MedicationRequest.class, list -> list).items()
                    .forEach(m -> dated(m.getAuthoredOnElement(), zone, locale, "medication",
                            m.hasMedicationCodeableConcept() ? DisplayText.concept(m.getMedicationCodeableConcept())
                                    : Optional.ofNullable(m.getMedicationReference().getDisplay()).orElse(""),
                            people.practitioner(m.getRequester()), m.hasStatus() ? m.getStatus().toCode() : "")
                            .ifPresent(events::add));
        }
        if (kinds.contains("document")) {
            chart.section("DocumentReference", patientId, Map.of(), DocumentReference.class, list -> list).items()
                    .forEach(d -> dated(d.hasDate() ? new DateTimeType(d.getDate()) : null, zone, locale, "document",
                            d.hasDescription() ? d.getDescription() : DisplayText.concept(d.getType()),
                            DisplayText.concept(d.getCategoryFirstRep())).ifPresent(events::add));
        }
        events.sort(Comparator.comparing(Dated::at).reversed());
        Map<Integer, List<Timeline.Entry>> byYear = new LinkedHashMap<>();
        for (Dated event : events) {
            byYear.computeIfAbsent(event.at().atZone(zone).getYear(), y -> new ArrayList<>()).add(event.entry());
        }
        return new Timeline(byYear.entrySet().stream().map(e -> new Timeline.Year(e.getKey(), e.getValue())).toList(),
                kinds, events.size());
    }

    private static String encounterTitle(Encounter encounter) {
        String type = DisplayText.concept(encounter.getTypeFirstRep());
        if (type.isEmpty()) {
            type = DisplayText.concept(encounter.getServiceType());
        }
        return type.isEmpty() && encounter.hasClass_() ? Optional.ofNullable(encounter.getClass_().getDisplay())
                .orElse(encounter.getClass_().getCode()) : type;
    }

    private static String detail(String first, String second) {
        return first.isEmpty() ? second : second.isEmpty() ? first : first + " · " + second;
    }

    private static Optional<Dated> dated(BaseDateTimeType when, ZoneId zone, Locale locale, String kind, String title,
            String detail) {
        return dated(when, zone, locale, kind, title, detail, "");
    }

    private static Optional<Dated> dated(BaseDateTimeType when, ZoneId zone, Locale locale, String kind, String title,
            String detail, String status) {
        return ClinicalText.instant(when, zone).map(at -> new Dated(at,
                new Timeline.Entry(kind, ClinicalText.when(when, zone, locale), title, detail, status)));
    }
}
