package health.salus.audit;

import java.util.List;
import java.util.concurrent.CompletableFuture;

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

    /**
     * Starts appending {@code records} and answers at once; the answer completes once they are durably
     * chained, exceptionally when they could not be. Only for a caller that holds its answer until then
     * (bounding its wait as {@link #record} does), so that nothing leaves without a trace; it throws
     * {@link AuditUnavailableException} straight away when the trail is not taking records.
     */
    default CompletableFuture<Void> recordInBackground(List<AuditRecord> records) {
        record(records);
        return CompletableFuture.completedFuture(null);
    }
}
