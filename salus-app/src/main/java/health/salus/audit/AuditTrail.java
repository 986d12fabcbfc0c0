package health.salus.audit;

import java.util.List;

/**
 * Appends to the audit trail. Returns only once the records are durably chained, so a caller that
 * audits before answering never answers without a trace (fail closed); throws
 * {@link AuditUnavailableException} when they could not be written.
 */
public interface AuditTrail {

    void record(List<AuditRecord> records);

    default void record(AuditRecord record) {
        record(List.of(record));
    }
}
