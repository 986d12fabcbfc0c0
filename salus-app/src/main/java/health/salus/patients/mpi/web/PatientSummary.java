package health.salus.patients.mpi.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Patient;

/** What a reviewer compares side by side: names, birth date, sex, contacts, addresses and identifiers. */
final class PatientSummary {

    private PatientSummary() {
    }

    static Map<String, Object> of(Patient patient) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", patient.getIdElement().getIdPart());
        summary.put("visible", true);
        summary.put("names", patient.getName().stream().map(n -> n.getNameAsSingleString()).toList());
        summary.put("birthDate", patient.hasBirthDate() ? patient.getBirthDateElement().getValueAsString() : null);
        summary.put("gender", patient.hasGender() ? patient.getGender().toCode() : null);
        summary.put("telecom", patient.getTelecom().stream()
                .map(t -> (t.hasSystem() ? t.getSystem().toCode() : "other") + ": " + t.getValue()).toList());
        summary.put("addresses", patient.getAddress().stream().map(a -> String.join(", ", List.of(
                String.join(" ", a.getLine().stream().map(l -> l.getValue()).toList()),
                a.hasCity() ? a.getCity() : "", a.hasState() ? a.getState() : "",
                a.hasPostalCode() ? a.getPostalCode() : "")).replaceAll("(, )+$", "")).toList());
        summary.put("identifiers", patient.getIdentifier().stream()
                .map(i -> Map.of("system", i.hasSystem() ? i.getSystem() : "", "value", i.hasValue() ? i.getValue() : "",
                        "type", i.getType().getCodingFirstRep().hasCode() ? i.getType().getCodingFirstRep().getCode() : ""))
                .toList());
        summary.put("active", !patient.hasActive() || patient.getActive());
        return summary;
    }

    /** A patient the reviewer's access does not reach: its id only. */
    static Map<String, Object> hidden(String id) {
        return Map.of("id", id, "visible", false);
    }
}
