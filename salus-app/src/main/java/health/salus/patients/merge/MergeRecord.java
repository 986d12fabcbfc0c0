package health.salus.patients.merge;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One merge of {@code mergedId} into {@code survivorId} and, once undone, its unmerge: who, when, why,
 * and each resource it re-pointed with its versions, so the unmerge can put exactly those back.
 */
public record MergeRecord(String mergeId, String survivorId, String mergedId, Status status, MergeReason reason,
        String mergedBy, Instant mergedAt, Optional<String> unmergedBy, Optional<Instant> unmergedAt,
        PatientVersions survivorVersions, PatientVersions mergedVersions, List<RepointedResource> resources) {

    public enum Status { MERGED, UNMERGED }

    public MergeRecord {
        resources = List.copyOf(resources);
    }

    /** A Patient's version just before and just after the merge. */
    public record PatientVersions(long before, long after) {
    }

    /**
     * A resource the merge re-pointed: {@code positions} are which of its references to the survivor (in
     * document order, in {@code versionAfter}) were the merged patient's; {@code mixed} when it already
     * referenced the survivor before; {@code versionUnmerged} the version the unmerge wrote.
     */
    public record RepointedResource(String resourceType, String id, long versionBefore, long versionAfter,
            List<Integer> positions, boolean mixed, Optional<Long> versionUnmerged) {

        public RepointedResource {
            positions = List.copyOf(positions);
        }
    }
}
