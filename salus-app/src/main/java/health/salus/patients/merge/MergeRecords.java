package health.salus.patients.merge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The merge table: ids, versions and codes, written in the merge's own transaction. */
@Repository
class MergeRecords {

    private final JdbcClient jdbc;

    MergeRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(MergeRecord merge) {
        jdbc.sql("insert into patient_merge (merge_id, survivor_id, merged_id, status, reason, merged_by, merged_at, "
                + "survivor_version_before, survivor_version_after, merged_version_before, merged_version_after) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(merge.mergeId(), merge.survivorId(), merge.mergedId(), merge.status().name(),
                        merge.reason().code(), merge.mergedBy(), utc(merge.mergedAt()),
                        merge.survivorVersions().before(), merge.survivorVersions().after(),
                        merge.mergedVersions().before(), merge.mergedVersions().after())
                .update();
        for (MergeRecord.RepointedResource resource : merge.resources()) {
            jdbc.sql("insert into patient_merge_resource (merge_id, res_type, fhir_id, version_before, version_after, "
                    + "positions, mixed) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(merge.mergeId(), resource.resourceType(), resource.id(), resource.versionBefore(),
                            resource.versionAfter(), resource.positions().stream().map(String::valueOf)
                                    .collect(Collectors.joining(",")), resource.mixed())
                    .update();
        }
    }

    /** Marks a merge undone; false when it was not (or no longer) in force, e.g. undone concurrently. */
    boolean markUnmerged(String mergeId, String actorId, Instant at, List<MergeRecord.RepointedResource> restored) {
        int changed = jdbc.sql("update patient_merge set status = 'UNMERGED', unmerged_by = ?, unmerged_at = ? "
                + "where merge_id = ? and status = 'MERGED'").params(actorId, utc(at), mergeId).update();
        for (MergeRecord.RepointedResource resource : restored) {
            resource.versionUnmerged().ifPresent(version -> jdbc.sql("update patient_merge_resource "
                    + "set version_unmerged = ? where merge_id = ? and res_type = ? and fhir_id = ?")
                    .params(version, mergeId, resource.resourceType(), resource.id()).update());
        }
        return changed == 1;
    }

    Optional<MergeRecord> find(String mergeId) {
        List<MergeRecord.RepointedResource> resources = jdbc.sql("select res_type, fhir_id, version_before, "
                + "version_after, positions, mixed, version_unmerged from patient_merge_resource where merge_id = ? "
                + "order by res_type, fhir_id").param(mergeId).query((rs, n) -> resource(rs)).list();
        return jdbc.sql("select * from patient_merge where merge_id = ?").param(mergeId)
                .query((rs, n) -> merge(rs, resources)).optional();
    }

    private static MergeRecord merge(ResultSet rs, List<MergeRecord.RepointedResource> resources) throws SQLException {
        return new MergeRecord(rs.getString("merge_id"), rs.getString("survivor_id"), rs.getString("merged_id"),
                MergeRecord.Status.valueOf(rs.getString("status")),
                MergeReason.fromCode(rs.getString("reason")).orElseThrow(), rs.getString("merged_by"),
                instant(rs, "merged_at").orElseThrow(), Optional.ofNullable(rs.getString("unmerged_by")),
                instant(rs, "unmerged_at"),
                new MergeRecord.PatientVersions(rs.getLong("survivor_version_before"),
                        rs.getLong("survivor_version_after")),
                new MergeRecord.PatientVersions(rs.getLong("merged_version_before"),
                        rs.getLong("merged_version_after")), resources);
    }

    private static MergeRecord.RepointedResource resource(ResultSet rs) throws SQLException {
        String positions = rs.getString("positions");
        long unmerged = rs.getLong("version_unmerged");
        Optional<Long> versionUnmerged = rs.wasNull() ? Optional.empty() : Optional.of(unmerged);
        return new MergeRecord.RepointedResource(rs.getString("res_type"), rs.getString("fhir_id"),
                rs.getLong("version_before"), rs.getLong("version_after"), positions.isEmpty() ? List.of()
                        : Arrays.stream(positions.split(",")).map(Integer::valueOf).toList(),
                rs.getBoolean("mixed"), versionUnmerged);
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
