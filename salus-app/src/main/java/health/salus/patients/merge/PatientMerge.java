package health.salus.patients.merge;

import health.salus.fhir.PatientRecordMerge;
import health.salus.fhir.WriteOutcome;
import health.salus.patients.PatientsMerged;
import health.salus.platform.InvalidFieldsException;
import health.salus.security.CurrentSubject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Merges a duplicate patient record into the one that survives, and undoes it (see {@link PatientUnmerge}).
 * All in one transaction through the store's merge session: under the caller's merge permission, every
 * resource that referenced the merged patient gets a new version pointing at the survivor (and so moves into
 * the survivor's compartment, re-sealed under the survivor's key), the two Patients are linked, the merge is
 * recorded and {@link PatientsMerged} is published (the audit trail records it in the same transaction).
 */
@Service
public class PatientMerge {

    private static final Pattern PATIENT_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private final PatientRecordMerge store;
    private final ReferenceRewriter rewriter;
    private final MergeRecords records;
    private final CurrentSubject currentSubject;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PatientUnmerge unmerge;

    PatientMerge(PatientRecordMerge store, ReferenceRewriter rewriter, MergeRecords records,
            CurrentSubject currentSubject, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.rewriter = rewriter;
        this.records = records;
        this.currentSubject = currentSubject;
        this.events = events;
        this.clock = clock;
        this.unmerge = new PatientUnmerge(store, rewriter, records, currentSubject, events, clock);
    }

    /**
     * Merges {@code mergedId} into {@code survivorId}. Throws {@link InvalidFieldsException} (400) for
     * missing or equal ids, {@link MergeRefusedException} (409) when either was already merged away, and
     * the store's HAPI exceptions: 403 without the merge permission for both, 404 for an unknown patient,
     * 409/412 when a resource changed concurrently. Nothing is changed when it throws.
     */
    public MergeRecord merge(String survivorId, String mergedId, MergeReason reason) {
        validate(survivorId, mergedId, reason);
        String actorId = currentSubject.require().id();
        return store.inMerge(survivorId, mergedId, session -> {
            Patient survivor = (Patient) session.read("Patient", survivorId);
            Patient merged = (Patient) session.read("Patient", mergedId);
            if (PatientLinks.isReplaced(merged)) {
                throw MergeRefusedException.conflict("Patient " + mergedId + " was already merged into another");
            }
            if (PatientLinks.isReplaced(survivor)) {
                throw MergeRefusedException.conflict("Patient " + survivorId
                        + " was itself merged into another; merge into the record that replaced it");
            }
            List<MergeRecord.RepointedResource> repointed = new ArrayList<>();
            for (PatientRecordMerge.StoredResource stored : session.referencing(mergedId)) {
                Resource resource = session.read(stored.resourceType(), stored.id());
                boolean mixed = rewriter.references(resource, survivorId);
                List<Integer> positions = rewriter.repoint(resource, mergedId, survivorId);
                if (positions.isEmpty()) {
                    continue;
                }
                WriteOutcome written = session.update(resource, stored.version());
                repointed.add(new MergeRecord.RepointedResource(stored.resourceType(), stored.id(), stored.version(),
                        version(written.resource()), positions, mixed, Optional.empty()));
            }
            long survivorBefore = version(survivor);
            long mergedBefore = version(merged);
            PatientLinks.markMerged(survivor, merged);
            long mergedAfter = version(session.update(merged, mergedBefore).resource());
            long survivorAfter = version(session.update(survivor, survivorBefore).resource());
            Instant now = clock.instant();
            MergeRecord record = new MergeRecord(UUID.randomUUID().toString(), survivorId, mergedId,
                    MergeRecord.Status.MERGED, reason, actorId, now, Optional.empty(), Optional.empty(),
                    new MergeRecord.PatientVersions(survivorBefore, survivorAfter),
                    new MergeRecord.PatientVersions(mergedBefore, mergedAfter), repointed);
            records.insert(record);
            events.publishEvent(new PatientsMerged(record.mergeId(), survivorId, mergedId, actorId,
                    repointed.size(), now));
            return record;
        });
    }

    /** Undoes a merge; see {@link PatientUnmerge#unmerge}. */
    public MergeRecord unmerge(String mergeId) {
        return unmerge.unmerge(mergeId);
    }

    /** A merge by id (ids, versions and codes only: no patient data, so no store access). */
    public Optional<MergeRecord> find(String mergeId) {
        return records.find(mergeId);
    }

    private static void validate(String survivorId, String mergedId, MergeReason reason) {
        List<InvalidFieldsException.FieldProblem> problems = new ArrayList<>();
        if (survivorId == null || !PATIENT_ID.matcher(survivorId).matches()) {
            problems.add(new InvalidFieldsException.FieldProblem("survivorId", "A Patient id is required"));
        }
        if (mergedId == null || !PATIENT_ID.matcher(mergedId).matches()) {
            problems.add(new InvalidFieldsException.FieldProblem("mergedId", "A Patient id is required"));
        } else if (mergedId.equals(survivorId)) {
            problems.add(new InvalidFieldsException.FieldProblem("mergedId",
                    "A patient cannot be merged into itself"));
        }
        if (reason == null) {
            problems.add(new InvalidFieldsException.FieldProblem("reason",
                    "One of duplicate-registration, duplicate-review, identity-confirmed"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
    }

    static long version(Resource resource) {
        return resource.getIdElement().getVersionIdPartAsLong();
    }
}
