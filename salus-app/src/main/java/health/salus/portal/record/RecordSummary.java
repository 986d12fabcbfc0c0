package health.salus.portal.record;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import health.salus.fhir.ResourceStore;
import health.salus.fhir.SearchRequest;
import health.salus.portal.access.PortalAccess;
import health.salus.web.DisplayText;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.springframework.stereotype.Component;

/**
 * A compact summary of a record: current health conditions, allergies, current medications, the
 * latest vaccinations and test results — read through the store as the signed-in person. A part the
 * policy does not let them read (a family member's grant leaves it out) is marked "not shared" rather
 * than failing the page; the store's 403 is caught too, should the grant change between the two.
 */
@Component
public class RecordSummary {

    private static final int MAX_ITEMS = 10;
    private static final int RECENT_ITEMS = 6;
    private static final Set<String> ENDED = Set.of("inactive", "resolved", "remission", "completed", "stopped",
            "cancelled", "entered-in-error", "not-taken", "revoked");

    private final ResourceStore store;
    private final PortalAccess access;

    RecordSummary(ResourceStore store, PortalAccess access) {
        this.store = store;
        this.access = access;
    }

    /**
     * One line of a section: what, a detail (a date, a value, a dose) that may be empty, and whether it
     * needs the reader's attention (a high-risk allergy).
     */
    public record Item(String title, String detail, boolean warning) {

        Item(String title, String detail) {
            this(title, detail, false);
        }
    }

    /** A part of the summary; {@code shared} false when the reader may not see it. */
    public record Section(String key, boolean shared, List<Item> items) {
    }

    public List<Section> of(String patientId, ZoneId zone, Locale locale) {
        List<Section> sections = new ArrayList<>();
        sections.add(section("conditions", patientId, List.of("Condition"), Map.of("_count", "50"),
                r -> active(((Condition) r).getClinicalStatus().getCodingFirstRep().getCode())
                        ? new Item(DisplayText.concept(((Condition) r).getCode()), "") : null));
        sections.add(section("allergies", patientId, List.of("AllergyIntolerance"), Map.of("_count", "50"),
                r -> active(((AllergyIntolerance) r).getClinicalStatus().getCodingFirstRep().getCode())
                        ? new Item(DisplayText.concept(((AllergyIntolerance) r).getCode()), "", highRisk((AllergyIntolerance) r))
                        : null));
        sections.add(medications(patientId));
        sections.add(section("immunizations", patientId, List.of("Immunization"),
                Map.of("_sort", "-date", "_count", String.valueOf(RECENT_ITEMS)),
                r -> new Item(DisplayText.concept(((Immunization) r).getVaccineCode()),
                        date(((Immunization) r).getOccurrence(), zone, locale))));
        sections.add(section("results", patientId, List.of("Observation"),
                Map.of("_sort", "-date", "_count", String.valueOf(RECENT_ITEMS)),
                r -> observation((Observation) r, zone, locale)));
        return sections;
    }

    private Section medications(String patientId) {
        Section requests = section("medications", patientId, List.of("MedicationRequest"), Map.of("_count", "50"),
                r -> active(((MedicationRequest) r).getStatus() == null ? null : ((MedicationRequest) r).getStatus().toCode())
                        ? new Item(DisplayText.concept(((MedicationRequest) r).getMedicationCodeableConcept()),
                                ((MedicationRequest) r).getDosageInstructionFirstRep().getText()) : null);
        Section statements = section("medications", patientId, List.of("MedicationStatement"), Map.of("_count", "50"),
                r -> active(((MedicationStatement) r).getStatus() == null ? null : ((MedicationStatement) r).getStatus().toCode())
                        ? new Item(DisplayText.concept(((MedicationStatement) r).getMedicationCodeableConcept()),
                                ((MedicationStatement) r).getDosageFirstRep().getText()) : null);
        List<Item> items = new ArrayList<>(requests.items());
        statements.items().stream().filter(item -> !items.contains(item)).forEach(items::add);
        return new Section("medications", requests.shared() || statements.shared(),
                items.subList(0, Math.min(items.size(), MAX_ITEMS)));
    }

    private Section section(String key, String patientId, List<String> types, Map<String, String> parameters,
            Function<Resource, Item> item) {
        String type = types.get(0);
        if (!access.mayRead(type, patientId)) {
            return new Section(key, false, List.of());
        }
        Map<String, List<String>> query = new java.util.HashMap<>();
        parameters.forEach((name, value) -> query.put(name, List.of(value)));
        query.put("patient", List.of("Patient/" + patientId));
        try {
            List<Item> items = store.search(new SearchRequest(type, query)).matches().stream().map(item)
                    .filter(i -> i != null && !i.title().isBlank()).distinct().limit(MAX_ITEMS).toList();
            return new Section(key, true, items);
        } catch (ForbiddenOperationException refused) {
            return new Section(key, false, List.of());
        }
    }

    private static boolean active(String status) {
        return status == null || !ENDED.contains(status);
    }

    private static boolean highRisk(AllergyIntolerance allergy) {
        return allergy.getCriticality() == AllergyIntolerance.AllergyIntoleranceCriticality.HIGH;
    }

    private static Item observation(Observation observation, ZoneId zone, Locale locale) {
        String value = "";
        if (observation.getValue() instanceof Quantity quantity && quantity.hasValue()) {
            value = quantity.getValue().stripTrailingZeros().toPlainString() + " "
                    + Optional.ofNullable(quantity.getUnit()).orElse("");
        } else if (observation.hasValueCodeableConcept()) {
            value = DisplayText.concept(observation.getValueCodeableConcept());
        } else if (observation.hasValueStringType()) {
            value = observation.getValueStringType().getValue();
        }
        String when = date(observation.getEffective(), zone, locale);
        return new Item(DisplayText.concept(observation.getCode()),
                (value.trim() + (when.isEmpty() ? "" : (value.isBlank() ? "" : " · ") + when)).trim());
    }

    private static String date(Type effective, ZoneId zone, Locale locale) {
        if (effective instanceof org.hl7.fhir.r4.model.DateTimeType dateTime && dateTime.getValue() != null) {
            return DisplayText.date(dateTime.getValue().toInstant().atZone(zone).toLocalDate(), locale);
        }
        if (effective instanceof org.hl7.fhir.r4.model.Period period && period.getStart() != null) {
            return DisplayText.date(period.getStart().toInstant().atZone(zone).toLocalDate(), locale);
        }
        return "";
    }
}
