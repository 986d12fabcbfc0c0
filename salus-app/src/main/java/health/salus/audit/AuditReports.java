package health.salus.audit;

import health.salus.security.Role;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The officers' search of the trail, for screens as for {@code /api/audit/entries}: the same filter
 * parameters ({@code actor}, {@code patient}, {@code from}, {@code to}, {@code category}, {@code action},
 * {@code outcome}, {@code purpose}, {@code page}, {@code size}), the same rule of who may look, and every
 * look recorded in the trail before anything is returned. A role outside {@link #READERS} gets a recorded
 * refusal (403); bad parameters an {@code InvalidFieldsException} naming each one.
 */
public interface AuditReports {

    Set<Role> READERS = Set.of(Role.PRIVACY_OFFICER, Role.AUDITOR);

    /** One page of matching entries, newest first. */
    ReportPage search(Map<String, String> filter);

    /**
     * Checks, parses and records an export of every matching entry; the returned export then streams
     * them as CSV (header row first, formula-like cells defused) to whatever writer the caller opens.
     */
    CsvExport export(Map<String, String> filter);

    record ReportPage(int page, int size, long total, List<AuditEntry> entries) {
        public ReportPage {
            entries = List.copyOf(entries);
        }

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }

    /** A checked, recorded export waiting to be written. */
    interface CsvExport {
        void writeTo(Writer out) throws IOException;
    }
}
