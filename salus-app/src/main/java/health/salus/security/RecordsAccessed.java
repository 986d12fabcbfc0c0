package health.salus.security;

import health.salus.fhir.Interaction;
import java.util.List;

/**
 * Patient data a subject just read or changed, after the policy allowed it. {@code breakGlass}
 * flags accesses that only break-glass made possible; the audit trail records every one.
 */
public record RecordsAccessed(String subjectId, Interaction interaction, List<Item> items) {

    public record Item(String resourceType, String id, String compartment, boolean breakGlass) {
    }

    public RecordsAccessed {
        items = List.copyOf(items);
    }
}
