package health.salus.audit.monitoring;

import health.salus.audit.AuditEntry;
import java.util.List;

/** One security rule: looks at newly chained entries (and the trail behind them) and says what to alert. */
interface Monitor {

    List<AlertCandidate> evaluate(List<AuditEntry> entries);
}
