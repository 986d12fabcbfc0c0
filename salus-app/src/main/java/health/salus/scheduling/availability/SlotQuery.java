package health.salus.scheduling.availability;

import java.time.Instant;
import java.util.Optional;

/** Whose free time to find: one practitioner, a specialty, or anyone at a site (combinable), in [from, to). */
public record SlotQuery(Optional<String> practitionerId, Optional<String> specialty, Optional<String> locationId,
        Instant from, Instant to) {
}
