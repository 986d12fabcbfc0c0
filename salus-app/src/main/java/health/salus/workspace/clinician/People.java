package health.salus.workspace.clinician;

import health.salus.web.DisplayText;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import health.salus.fhir.ResourceStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/**
 * Names of the people a page mentions, read through the store as the signed-in user and remembered
 * for the request (a schedule or a timeline names the same people many times). A reference's own
 * display is used when it has one, saving a read.
 */
@Component
@RequestScope
class People {

    private final ResourceStore store;
    private final Map<String, Optional<Patient>> patients = new HashMap<>();
    private final Map<String, String> practitioners = new HashMap<>();

    People(ResourceStore store) {
        this.store = store;
    }

    /** The patient, when the policy lets the user read them (empty otherwise: outside care, or gone). */
    Optional<Patient> patient(String id) {
        return patients.computeIfAbsent(id, key -> {
            try {
                return Optional.of((Patient) store.read("Patient", key));
            } catch (BaseServerResponseException e) {
                return Optional.empty();
            }
        });
    }

    String patientName(String id) {
        return patient(id).map(p -> DisplayText.name(p.getNameFirstRep())).orElse("");
    }

    String practitioner(Reference reference) {
        if (reference == null || reference.isEmpty()) {
            return "";
        }
        if (reference.hasDisplay()) {
            return reference.getDisplay();
        }
        return ClinicalText.idOf(reference, "Practitioner").map(this::practitioner).orElse("");
    }

    String practitioner(String id) {
        return practitioners.computeIfAbsent(id, key -> {
            try {
                return DisplayText.name(((Practitioner) store.read("Practitioner", key)).getNameFirstRep());
            } catch (BaseServerResponseException e) {
                return "";
            }
        });
    }
}
