package health.salus.security;

import health.salus.fhir.Interaction;
import java.util.List;

/**
 * Patient data a subject just read or changed, after the policy allowed it. {@code breakGlass}
 * flags accesses that only break-glass made possible; the audit trail records every one.
 * {@code operation} names a FHIR operation behind the interaction ({@code everything}), else null.
 */
public record RecordsAccessed(String subjectId, Interaction interaction, List<Item> items, String operation) {

    /** The FHIR {@code $everything} operation: a patient's whole record at once. */
    public static final String EVERYTHING = "everything";

    public record Item(String resourceType, String id, String compartment, boolean breakGlass) {
    }

    public RecordsAccessed {
        items = List.copyOf(items);
    }

    public RecordsAccessed(String subjectId, Interaction interaction, List<Item> items) {
        this(subjectId, interaction, items, null);
    }
}
