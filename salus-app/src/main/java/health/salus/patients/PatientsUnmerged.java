package health.salus.patients;

import java.time.Instant;

/** A merge was undone: the references it re-pointed point at the merged patient again. Ids only. */
public record PatientsUnmerged(String mergeId, String survivorId, String mergedId, String actorId,
        int resourcesRestored, Instant unmergedAt) {
}
