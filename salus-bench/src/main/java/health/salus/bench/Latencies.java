package health.salus.bench;

import java.util.Arrays;

/** Recorded latencies in nanoseconds and their percentiles; several clients may record into one. */
final class Latencies {

    private final long[] nanos;
    private int size;

    Latencies(int capacity) {
        nanos = new long[capacity];
    }

    synchronized void record(long elapsedNanos) {
        nanos[size++] = elapsedNanos;
    }

    synchronized double percentileMs(double percentile) {
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, index))] / 1_000_000.0;
    }

    int count() {
        return size;
    }
}
