package health.salus.workspace.clinician;

import health.salus.web.DisplayText;

import health.salus.workspace.clinician.ChartSummary.Section;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.springframework.stereotype.Component;

/** Reads the chart's summary sections for one patient (see {@link ChartSummary}). */
@Component
class SummaryReader {

    /** readings in a sparkline, and vital signs shown */
    static final int TREND_POINTS = 10;
    static final int MAX_VITALS = 8;
    private static final int MAX_IMMUNIZATIONS = 20;

    private final PatientChart chart;
    private final People people;

    SummaryReader(PatientChart chart, People people) {
        this.chart = chart;
        this.people = people;
    }

    ChartSummary read(String patientId, Section<AllergyIntolerance> allergies, ZoneId zone, Locale locale) {
        return new ChartSummary(
                chart.section("Condition", patientId, Map.of("clinical-status", List.of("active,recurrence,relapse")),
                        Condition.class, list -> problems(list, zone, locale)),
                chart.section("MedicationRequest", patientId, Map.of("status", List.of("active,on-hold")),
                        MedicationRequest.class, list -> medications(list, zone, locale)),
                new Section<>(allergies.permitted(), allergies.items().stream().filter(PatientChart::activeAllergy)
                        .map(SummaryReader::allergy).toList()),
                chart.section("Observation", patientId, Map.of("category", List.of("vital-signs"),
                        "_sort", List.of("-date")), Observation.class, list -> vitals(list, zone, locale)),
                chart.section("Immunization", patientId, Map.of("_sort", List.of("-date")), Immunization.class,
                        list -> list.stream().limit(MAX_IMMUNIZATIONS).map(i -> new ChartSummary.Immunization(
                                DisplayText.concept(i.getVaccineCode()), i.hasOccurrenceDateTimeType()
                                        ? ClinicalText.when(i.getOccurrenceDateTimeType(), zone, locale) : "")).toList()),
                chart.section("CareTeam", patientId, Map.of("status", List.of("active")), CareTeam.class,
                        this::members));
    }

    private static List<ChartSummary.Problem> problems(List<Condition> conditions, ZoneId zone, Locale locale) {
        return conditions.stream().map(c -> new ChartSummary.Problem(DisplayText.concept(c.getCode()),
                        c.hasOnsetDateTimeType() ? ClinicalText.when(c.getOnsetDateTimeType(), zone, locale) : ""))
                .sorted(Comparator.comparing(ChartSummary.Problem::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    private static List<ChartSummary.Medication> medications(List<MedicationRequest> requests, ZoneId zone,
            Locale locale) {
        return requests.stream().map(m -> new ChartSummary.Medication(
                        m.hasMedicationCodeableConcept() ? DisplayText.concept(m.getMedicationCodeableConcept())
                                : Optional.ofNullable(m.getMedicationReference().getDisplay()).orElse(""),
                        m.getDosageInstruction().stream().map(d -> d.getText()).filter(t -> t != null)
                                .collect(Collectors.joining("; ")),
                        m.hasAuthoredOn() ? ClinicalText.when(m.getAuthoredOnElement(), zone, locale) : ""))
                .sorted(Comparator.comparing(ChartSummary.Medication::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    private static ChartSummary.Allergy allergy(AllergyIntolerance a) {
        String reaction = a.getReaction().stream().flatMap(r -> r.getManifestation().stream())
                .map(DisplayText::concept).filter(s -> !s.isEmpty()).collect(Collectors.joining(", "));
        return new ChartSummary.Allergy(DisplayText.concept(a.getCode()), reaction,
                a.hasCriticality() ? a.getCriticality().toCode() : "",
                a.getCriticality() == AllergyIntolerance.AllergyIntoleranceCriticality.HIGH);
    }

    /** Per vital sign (newest first as searched): the latest reading and the last few as a trend. */
    private static List<ChartSummary.Vital> vitals(List<Observation> observations, ZoneId zone, Locale locale) {
        Map<String, List<Observation>> byCode = new LinkedHashMap<>();
        for (Observation o : observations) {
            if (!reading(o).isEmpty()) {
                byCode.computeIfAbsent(ClinicalText.code(o.getCode()), k -> new ArrayList<>()).add(o);
            }
        }
        return byCode.values().stream().limit(MAX_VITALS).map(list -> vital(list, zone, locale)).toList();
    }

    private static ChartSummary.Vital vital(List<Observation> newestFirst, ZoneId zone, Locale locale) {
        Observation latest = newestFirst.get(0);
        List<Observation> recent = new ArrayList<>(newestFirst.subList(0, Math.min(TREND_POINTS, newestFirst.size())));
        java.util.Collections.reverse(recent);
        List<BigDecimal> values = recent.stream().map(SummaryReader::trendValue).flatMap(Optional::stream).toList();
        String trend = recent.stream().map(SummaryReader::reading).collect(Collectors.joining(", "));
        return new ChartSummary.Vital(DisplayText.concept(latest.getCode()), reading(latest),
                latest.hasEffectiveDateTimeType() ? ClinicalText.when(latest.getEffectiveDateTimeType(), zone, locale)
                        : "", Sparkline.points(values), trend, values.size() > 1);
    }

    /** A reading as written: "72 /min", or "120/80 mmHg" for a panel of components (blood pressure). */
    static String reading(Observation o) {
        if (o.hasValueQuantity()) {
            return ClinicalText.quantity(o.getValueQuantity());
        }
        List<Quantity> parts = o.getComponent().stream().filter(c -> c.hasValueQuantity())
                .map(c -> c.getValueQuantity()).toList();
        if (parts.isEmpty()) {
            return "";
        }
        String unit = ClinicalText.quantity(parts.get(0)).replaceFirst("^\\S+\\s?", "");
        return parts.stream().map(q -> q.getValue().stripTrailingZeros().toPlainString())
                .collect(Collectors.joining("/")) + (unit.isEmpty() ? "" : " " + unit);
    }

    /** The number a trend follows: the value, or the first component's (systolic). */
    private static Optional<BigDecimal> trendValue(Observation o) {
        if (o.hasValueQuantity() && o.getValueQuantity().hasValue()) {
            return Optional.of(o.getValueQuantity().getValue());
        }
        return o.getComponent().stream().filter(c -> c.hasValueQuantity() && c.getValueQuantity().hasValue())
                .map(c -> c.getValueQuantity().getValue()).findFirst();
    }

    private List<ChartSummary.Member> members(List<CareTeam> teams) {
        List<ChartSummary.Member> members = new ArrayList<>();
        for (CareTeam team : teams) {
            for (CareTeam.CareTeamParticipantComponent p : team.getParticipant()) {
                String name = p.getMember().hasDisplay() ? p.getMember().getDisplay()
                        : ClinicalText.idOf(p.getMember(), "Practitioner").map(people::practitioner).orElse("");
                if (!name.isEmpty()) {
                    members.add(new ChartSummary.Member(name, p.getRole().stream().map(DisplayText::concept)
                            .filter(s -> !s.isEmpty()).findFirst().orElse(""), team.hasName() ? team.getName() : ""));
                }
            }
        }
        return members;
    }

}
