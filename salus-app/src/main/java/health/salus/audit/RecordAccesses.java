package health.salus.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * "Who looked at my record" for screens that word it themselves (the patient portal, in the reader's
 * language): the same report as {@code GET /api/audit/my-record/accesses}, as data rather than English
 * sentences. Only the patient about their own record, or a family member about a patient who granted
 * them access, may ask; anyone else gets a recorded 403.
 */
public interface RecordAccesses {

    /**
     * Accesses of the last year by others, newest first, one line per UTC day, person, kind of data and
     * purpose. {@code patientId}: empty for the signed-in patient's own record.
     */
    List<RecordAccess> of(Optional<String> patientId);

    /**
     * One line: when the person last did it that day, their name when known, their role codes, the
     * action ({@code read}, {@code search}, {@code create}, {@code update}, {@code delete}), the resource
     * type, why, how many items, and whether it was emergency (break-glass) access.
     */
    record RecordAccess(Instant lastAt, Optional<String> name, List<String> roles, String action,
            String resourceType, PurposeOfUse purpose, int items, boolean breakGlass) {

        public RecordAccess {
            roles = List.copyOf(roles);
        }
    }
}
