package health.salus.fhir;

import java.util.List;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Resource;

/**
 * The store's part in merging one patient's record into another's (the master patient index's merge and
 * unmerge). The access policy's {@link Interaction#MERGE} permission on Patient, held for both patients,
 * is the caller's authority over every resource of the two records, whatever its type; nothing outside
 * them (another patient's record) is reachable. Every write still takes the store's update path: a new
 * version (history keeps the old one), validated, re-indexed, its patient compartment worked out again and
 * its body sealed under that patient's key, and reported to the audit trail as an update by the caller.
 */
public interface PatientRecordMerge {

    /**
     * Checks the caller's merge permission for both patients (both must exist), then runs {@code work} in
     * one database transaction: it commits whole or, when {@code work} throws, not at all. Throws HAPI's
     * {@code ForbiddenOperationException} when the policy refuses, {@code ResourceNotFoundException} when a
     * patient does not exist.
     */
    <T> T inMerge(String survivorId, String mergedId, Function<Session, T> work);

    /** One resource of the two records, by type, id and current version. */
    record StoredResource(String resourceType, String id, long version) {
    }

    /** What {@code work} may do with the two records. */
    interface Session {

        /** The current version, unmasked; {@code ResourceGoneException} when deleted. */
        Resource read(String resourceType, String id);

        /** A former version (to put things back as they were). */
        Resource vread(String resourceType, String id, long version);

        /**
         * The live resources, other than Patients, that reference {@code Patient/<patientId>} (one of the two)
         * in any indexed reference search parameter, oldest first: found through the reference index, so a
         * reference in an element no search parameter covers is not found.
         */
        List<StoredResource> referencing(String patientId);

        /** Writes a new version if the current one is still {@code ifMatchVersion}; refused outside the two records. */
        WriteOutcome update(Resource resource, long ifMatchVersion);
    }
}
