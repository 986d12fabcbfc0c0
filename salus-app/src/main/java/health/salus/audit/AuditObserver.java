package health.salus.audit;

import java.util.List;

/**
 * Told of entries after they are durably chained, in chain order (security monitors are observers).
 * Called on the trail's writer thread: an observer must return quickly and hand slow work to its own
 * executor; what it throws is logged and never undoes the entries.
 */
public interface AuditObserver {

    void recorded(List<AuditEntry> entries);
}
