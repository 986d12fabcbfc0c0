package health.salus.patients;

import java.time.Instant;

/**
 * The master patient index merged {@code mergedId} into {@code survivorId}: every reference to the merged
 * patient now points at the survivor ({@code resourcesRepointed} resources), the merged Patient is
 * inactive and replaced by the survivor. Ids only (the event outbox is plaintext).
 */
public record PatientsMerged(String mergeId, String survivorId, String mergedId, String actorId,
        int resourcesRepointed, Instant mergedAt) {
}
