package health.salus.patients.eligibility.x12;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One X12 segment: its tag and elements, each element a list of components (one for a simple
 * element). Elements are numbered from 1 as in the implementation guides ({@code NM1-09} is {@code element(9)}).
 */
public record Segment(String tag, List<List<String>> elements) {

    public Segment {
        elements = List.copyOf(elements.stream().map(List::copyOf).toList());
    }

    /** A segment of simple elements; trailing empty ones are dropped as X12 requires. */
    public static Segment of(String tag, String... values) {
        List<List<String>> elements = new ArrayList<>();
        Arrays.stream(values).forEach(value -> elements.add(List.of(value == null ? "" : value)));
        while (!elements.isEmpty() && elements.get(elements.size() - 1).get(0).isEmpty()) {
            elements.remove(elements.size() - 1);
        }
        return new Segment(tag, elements);
    }

    /** The element at {@code position} (1-based), components joined by ':'; empty when absent. */
    public String element(int position) {
        return position <= elements.size() ? String.join(":", elements.get(position - 1)) : "";
    }

    public boolean is(String segmentTag) {
        return tag.equals(segmentTag);
    }
}
