package health.salus.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.Resource;

/** One page of versions; a deleted version is a resource carrying only its id and meta. */
public record HistoryPage(List<HistoryEntry> entries, int total, int offset, int count) {

    public HistoryPage {
        entries = List.copyOf(entries);
    }

    public record HistoryEntry(Resource resource, String method, boolean deleted) {
    }
}
