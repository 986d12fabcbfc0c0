package health.salus.fhir.store;

import java.time.Instant;

/** One stored version of a resource as it sits in the database (body still sealed). */
record ResourceRow(long pk, String type, String id, long version, String compartment, Instant lastUpdated,
        boolean deleted, String keyId, byte[] body) {
}
