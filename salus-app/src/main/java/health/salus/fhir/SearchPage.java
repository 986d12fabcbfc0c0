package health.salus.fhir;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Resource;

/** One page of matches, the resources included with them, and the total when it was asked for. */
public record SearchPage(List<Resource> matches, List<Resource> included, Optional<Integer> total,
        int offset, int count) {

    public SearchPage {
        matches = List.copyOf(matches);
        included = List.copyOf(included);
    }

    public boolean hasNext() {
        return total.map(t -> offset + count < t).orElse(matches.size() >= count);
    }
}
