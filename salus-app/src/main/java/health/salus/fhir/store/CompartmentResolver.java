package health.salus.fhir.store;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeSearchParam;
import health.salus.fhir.search.IndexRows;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Finds the patient a resource belongs to, using the R4 Patient CompartmentDefinition (the search
 * parameters that place a resource in a patient's compartment) over the already extracted indexes.
 */
@Component
class CompartmentResolver {

    private static final List<String> SUBJECT_PARAMS = List.of("patient", "subject", "beneficiary");
    /**
     * Patient-specific types that R4's CompartmentDefinition leaves out (R5 adds them): without this a
     * coordinator's call Task about a patient would belong to nobody, and every clinician could read it.
     */
    private static final Map<String, Set<String>> BEYOND_R4 = Map.of(
            "Task", Set.of("patient"),
            "GuidanceResponse", Set.of("patient"));
    private final Map<String, Set<String>> membershipParams = new HashMap<>();

    CompartmentResolver(FhirContext fhirContext) {
        for (String type : fhirContext.getResourceTypes()) {
            membershipParams.put(type, fhirContext.getResourceDefinition(type).getSearchParams().stream()
                    .filter(p -> p.getProvidesMembershipInCompartments() != null
                            && p.getProvidesMembershipInCompartments().contains("Patient"))
                    .map(RuntimeSearchParam::getName).collect(Collectors.toUnmodifiableSet()));
        }
        membershipParams.putAll(BEYOND_R4);
    }

    Optional<String> patientOf(Resource resource, IndexRows rows) {
        if (resource.fhirType().equals("Patient")) {
            return Optional.of(resource.getIdElement().getIdPart());
        }
        Set<String> params = membershipParams.getOrDefault(resource.fhirType(), Set.of());
        // the resource's own subject wins over other patients it mentions (an allergy's asserter, say)
        return rows.references.stream()
                .filter(ref -> params.contains(ref.param()) && "Patient".equals(ref.targetType()))
                .min(Comparator.comparingInt((IndexRows.ReferenceRow ref) -> SUBJECT_PARAMS.indexOf(ref.param()) < 0
                        ? SUBJECT_PARAMS.size() : SUBJECT_PARAMS.indexOf(ref.param()))
                        .thenComparing(IndexRows.ReferenceRow::param)
                        .thenComparing(IndexRows.ReferenceRow::targetId))
                .map(IndexRows.ReferenceRow::targetId);
    }
}
