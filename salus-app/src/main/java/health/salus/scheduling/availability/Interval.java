package health.salus.scheduling.availability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A half-open span of time [start, end). */
public record Interval(Instant start, Instant end) {

    public Interval {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("an interval ends after it starts");
        }
    }

    public boolean overlaps(Interval other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public boolean contains(Interval other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    /** {@code base} minus every interval of {@code cuts}, sorted; cuts may overlap each other. */
    static List<Interval> subtract(List<Interval> base, List<Interval> cuts) {
        List<Interval> sortedCuts = cuts.stream().sorted(Comparator.comparing(Interval::start)).toList();
        List<Interval> result = new ArrayList<>();
        for (Interval piece : base.stream().sorted(Comparator.comparing(Interval::start)).toList()) {
            Instant cursor = piece.start;
            for (Interval cut : sortedCuts) {
                if (!cut.end.isAfter(cursor) || !cut.start.isBefore(piece.end)) {
                    continue;
                }
                if (cut.start.isAfter(cursor)) {
                    result.add(new Interval(cursor, cut.start));
                }
                if (cut.end.isAfter(cursor)) {
                    cursor = cut.end;
                }
                if (!cursor.isBefore(piece.end)) {
                    break;
                }
            }
            if (cursor.isBefore(piece.end)) {
                result.add(new Interval(cursor, piece.end));
            }
        }
        return result;
    }
}
