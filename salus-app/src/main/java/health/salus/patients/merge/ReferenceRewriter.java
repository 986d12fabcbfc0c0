package health.salus.patients.merge;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Re-points a resource's literal references from one Patient to another, every element of the resource,
 * not only those a search parameter indexes. References are counted in document order (HAPI's terser
 * walk), which is the same for two versions of the same shape, so an unmerge can find what a merge moved.
 */
@Component
class ReferenceRewriter {

    private final FhirContext fhirContext;

    ReferenceRewriter(FhirContext fhirContext) {
        this.fhirContext = fhirContext;
    }

    /** Whether the resource references {@code Patient/<patientId>} anywhere. */
    boolean references(Resource resource, String patientId) {
        return !toPatient(resource, patientId).isEmpty();
    }

    /**
     * Points every reference to {@code from} at {@code to}; answers which of the resource's references to
     * {@code to} (after the change, counted from 0) were moved. Empty when there was nothing to move.
     */
    List<Integer> repoint(Resource resource, String from, String to) {
        List<Integer> moved = new ArrayList<>();
        int toCount = 0;
        for (Reference reference : references(resource)) {
            if (isPatient(reference, from)) {
                reference.setReference("Patient/" + to);
                moved.add(toCount);
            }
            if (isPatient(reference, to)) {
                toCount++;
            }
        }
        return moved;
    }

    /** Points the references to {@code from} at these positions (or all of them, when null) back at {@code to}. */
    int restore(Resource resource, String from, String to, List<Integer> positions) {
        List<Reference> current = toPatient(resource, from);
        int restored = 0;
        for (int i = 0; i < current.size(); i++) {
            if (positions == null || positions.contains(i)) {
                current.get(i).setReference("Patient/" + to);
                restored++;
            }
        }
        return restored;
    }

    private List<Reference> toPatient(Resource resource, String patientId) {
        return references(resource).stream().filter(reference -> isPatient(reference, patientId)).toList();
    }

    private List<Reference> references(Resource resource) {
        return fhirContext.newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class);
    }

    /** A relative literal reference, versioned or not: {@code Patient/x} or {@code Patient/x/_history/2}. */
    private static boolean isPatient(Reference reference, String patientId) {
        if (!reference.hasReference()) {
            return false;
        }
        var id = reference.getReferenceElement();
        return !id.isAbsolute() && "Patient".equals(id.getResourceType()) && patientId.equals(id.getIdPart());
    }
}
