package health.salus.scheduling.availability;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A bookable start for a visit of a given length with a practitioner at a site. */
public record FreeSlot(@JsonProperty("practitioner") String practitionerId,
        @JsonProperty("location") String locationId, Instant start, Instant end) {
}
