package health.salus.patients.merge;

import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import health.salus.fhir.PatientRecordMerge;
import health.salus.patients.PatientsUnmerged;
import health.salus.security.CurrentSubject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;

/**
 * Undoes a merge, under the same merge permission and in one transaction. Only what the merge changed is
 * put back: the references it re-pointed point at the merged patient again (new versions, so the record
 * moves back into the merged patient's compartment and key), the links and copied identifiers go, and the
 * merged Patient gets its former {@code active}. Edits made since the merge are kept. A resource that
 * already referenced the survivor before the merge and has changed since cannot be told apart safely, so
 * the unmerge is refused (409) rather than guessed; a resource deleted since is left deleted.
 */
final class PatientUnmerge {

    private final PatientRecordMerge store;
    private final ReferenceRewriter rewriter;
    private final MergeRecords records;
    private final CurrentSubject currentSubject;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PatientUnmerge(PatientRecordMerge store, ReferenceRewriter rewriter, MergeRecords records,
            CurrentSubject currentSubject, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.rewriter = rewriter;
        this.records = records;
        this.currentSubject = currentSubject;
        this.events = events;
        this.clock = clock;
    }

    MergeRecord unmerge(String mergeId) {
        MergeRecord merge = records.find(mergeId)
                .orElseThrow(() -> new MergeRefusedException(HttpStatus.NOT_FOUND, "No such merge"));
        String actorId = currentSubject.require().id();
        String survivorId = merge.survivorId();
        String mergedId = merge.mergedId();
        store.inMerge(survivorId, mergedId, session -> {
            if (merge.status() != MergeRecord.Status.MERGED) {
                throw MergeRefusedException.conflict("Merge " + mergeId + " was already undone");
            }
            Patient survivor = (Patient) session.read("Patient", survivorId);
            Patient merged = (Patient) session.read("Patient", mergedId);
            if (PatientLinks.isReplaced(survivor)) {
                throw MergeRefusedException.conflict("Patient " + survivorId
                        + " was merged into another since; undo that merge first");
            }
            List<MergeRecord.RepointedResource> restored = new ArrayList<>();
            for (MergeRecord.RepointedResource moved : merge.resources()) {
                Optional<Resource> current = current(session, moved);
                if (current.isEmpty()) {
                    restored.add(moved);
                    continue;
                }
                Resource resource = current.get();
                long version = PatientMerge.version(resource);
                boolean untouched = version == moved.versionAfter();
                if (!untouched && moved.mixed()) {
                    throw MergeRefusedException.conflict(moved.resourceType() + "/" + moved.id()
                            + " referenced both patients and changed since the merge; correct it by hand");
                }
                // untouched: exactly the moved references; changed since: every reference to the survivor,
                // since before the merge this resource referenced only the merged patient
                rewriter.restore(resource, survivorId, mergedId, untouched ? moved.positions() : null);
                long written = PatientMerge.version(session.update(resource, version).resource());
                restored.add(new MergeRecord.RepointedResource(moved.resourceType(), moved.id(),
                        moved.versionBefore(), moved.versionAfter(), moved.positions(), moved.mixed(),
                        Optional.of(written)));
            }
            Patient survivorBefore = (Patient) session.vread("Patient", survivorId, merge.survivorVersions().before());
            Patient mergedBefore = (Patient) session.vread("Patient", mergedId, merge.mergedVersions().before());
            PatientLinks.unmarkMerged(survivor, merged, survivorBefore, mergedBefore);
            session.update(merged, PatientMerge.version(merged));
            session.update(survivor, PatientMerge.version(survivor));
            Instant now = clock.instant();
            if (!records.markUnmerged(mergeId, actorId, now, restored)) {
                throw MergeRefusedException.conflict("Merge " + mergeId + " was already undone");
            }
            int restoredCount = (int) restored.stream().filter(r -> r.versionUnmerged().isPresent()).count();
            events.publishEvent(new PatientsUnmerged(mergeId, survivorId, mergedId, actorId, restoredCount, now));
            return null;
        });
        return records.find(mergeId).orElseThrow();
    }

    /** The resource as it is now, or nothing when it was deleted since the merge. */
    private static Optional<Resource> current(PatientRecordMerge.Session session,
            MergeRecord.RepointedResource moved) {
        try {
            return Optional.of(session.read(moved.resourceType(), moved.id()));
        } catch (ResourceGoneException deleted) {
            return Optional.empty();
        }
    }
}
