package health.salus.crypto;

import java.time.Instant;
import java.util.List;

/** New data keys (ids of their versions), gathered over a short period so ingest does not flood the trail. */
public record DataKeysCreated(List<Long> dataKeyIds, Instant until) {

    public DataKeysCreated {
        dataKeyIds = List.copyOf(dataKeyIds);
    }
}
