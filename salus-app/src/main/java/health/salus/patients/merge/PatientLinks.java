package health.salus.patients.merge;

import java.util.List;
import java.util.Objects;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/**
 * What a merge does to the two Patient resources, in FHIR R4's terms: the merged one becomes inactive and
 * {@code replaced-by} the survivor, which {@code replaces} it and takes the merged one's identifiers as
 * {@code use=old} (so a search by the old MRN finds the survivor). Undone from the versions before.
 */
final class PatientLinks {

    private PatientLinks() {
    }

    /** Whether this Patient was merged into another (and so may take part in no further merge). */
    static boolean isReplaced(Patient patient) {
        return patient.getLink().stream().anyMatch(link -> link.getType() == Patient.LinkType.REPLACEDBY);
    }

    static void markMerged(Patient survivor, Patient merged) {
        merged.setActive(false);
        merged.addLink().setType(Patient.LinkType.REPLACEDBY).setOther(new Reference("Patient/" + survivor.getIdPart()));
        survivor.addLink().setType(Patient.LinkType.REPLACES).setOther(new Reference("Patient/" + merged.getIdPart()));
        for (Identifier identifier : merged.getIdentifier()) {
            if (identifier.hasValue() && !holds(survivor.getIdentifier(), identifier)) {
                survivor.addIdentifier(identifier.copy().setUse(Identifier.IdentifierUse.OLD));
            }
        }
    }

    /**
     * Takes the links out again, gives the merged Patient back its former {@code active}, and removes from
     * the survivor the old identifiers the merge copied: those of the merged Patient before the merge that the
     * survivor did not hold before it. Later edits to either Patient stay.
     */
    static void unmarkMerged(Patient survivor, Patient merged, Patient survivorBefore, Patient mergedBefore) {
        merged.getLink().removeIf(link -> link.getType() == Patient.LinkType.REPLACEDBY
                && points(link.getOther(), survivor.getIdPart()));
        merged.setActiveElement(mergedBefore.hasActive() ? mergedBefore.getActiveElement().copy() : null);
        survivor.getLink().removeIf(link -> link.getType() == Patient.LinkType.REPLACES
                && points(link.getOther(), merged.getIdPart()));
        survivor.getIdentifier().removeIf(identifier -> identifier.getUse() == Identifier.IdentifierUse.OLD
                && holds(mergedBefore.getIdentifier(), identifier)
                && !holds(survivorBefore.getIdentifier(), identifier));
    }

    private static boolean holds(List<Identifier> identifiers, Identifier wanted) {
        return identifiers.stream().anyMatch(identifier -> Objects.equals(identifier.getSystem(), wanted.getSystem())
                && Objects.equals(identifier.getValue(), wanted.getValue()));
    }

    private static boolean points(Reference reference, String patientId) {
        return reference.hasReference() && "Patient".equals(reference.getReferenceElement().getResourceType())
                && patientId.equals(reference.getReferenceElement().getIdPart());
    }
}
